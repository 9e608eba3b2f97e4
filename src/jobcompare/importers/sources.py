"""Every source the store is built from: its key (``jobcompare import KEY``) and the
importer module that reads it, in the order ``import all`` runs them (OEWS first: its
occupations are the spine every other source is mapped onto)."""

SOURCES = {
    "oews": "jobcompare.importers.oews",
    # BLS OEWS national files of May 2021-2024: the pay-over-time series (docs/history.md).
    "oews-history": "jobcompare.importers.oews_history",
    "rpp": "jobcompare.importers.rpp",
    "onet": "jobcompare.importers.onet",
    "onet-excel": "jobcompare.importers.onet_excel",
    "ep": "jobcompare.importers.ep",
    "ep-education": "jobcompare.importers.ep_education",
    "ep-separations": "jobcompare.importers.ep_separations",
    "ep-factors": "jobcompare.importers.ep_factors",
    "cps": "jobcompare.importers.cps",
    # Published AI exposure measures (not official statistics): two sources, one folder.
    "gpts-are-gpts": "jobcompare.importers.ai_gpts",
    "working-with-ai": "jobcompare.importers.ai_applicability",
}
