"""Imported by a report's kernel as it boots, so that the libraries every report needs load in its
own process while `decide` is still importing papermill and nbconvert in the other."""

import matplotlib.backends.backend_agg  # noqa: F401 - what show_figure draws with
import matplotlib.dates  # noqa: F401
import matplotlib.figure  # noqa: F401
import matplotlib.patches  # noqa: F401

import toolkit.frames.weekly  # noqa: F401 - pandas and the records
import toolkit.reports.charts  # noqa: F401
import toolkit.reports.present  # noqa: F401
