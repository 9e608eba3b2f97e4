"""Command bodies that cli.py wires to the command line."""
