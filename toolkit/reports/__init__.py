"""Run report notebooks with papermill and export them to sanitised HTML."""
