"""Importers that turn public source data into jobcompare dataset files."""
