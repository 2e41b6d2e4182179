"""Workspace -> pandas DataFrames: the API that notebooks and reports call."""
