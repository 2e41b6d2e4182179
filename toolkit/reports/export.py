"""Export an executed notebook to a static HTML page: code hidden, no scripts, every output sanitised."""

from __future__ import annotations

from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent / "nbtemplate"

# Output kinds that can carry no live code once rendered by the template (SVG goes into an <img>).
KEPT_MIMETYPES = {"text/plain", "text/html", "text/markdown", "image/png", "image/jpeg", "image/svg+xml"}


def _drop_active_outputs(nb) -> None:
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data is not None:
                for key in [k for k in data if k not in KEPT_MIMETYPES]:
                    del data[key]


def _exporter_class():
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class StaticHTMLExporter(HTMLExporter):
        """HTMLExporter without its closing BeautifulSoup pass over the whole page.

        That pass only adds alt text and tabindex; our template writes alt text itself, and on a
        report of hundreds of prototypes the re-parse costs as much as the rest of the export.
        """

        def from_notebook_node(self, nb, resources=None, **kw):
            resources = self._init_resources(resources)
            self.register_filter("highlight_code", Highlight2HTML(pygments_lexer="python", parent=self))
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return StaticHTMLExporter


def to_html(nb, title: str) -> str:
    """The notebook *nb* (executed, not modified) as a self-contained HTML page titled *title*, without code."""
    import copy
    import functools

    from toolkit.reports.sanitize import clean

    nb = copy.deepcopy(nb)
    _drop_active_outputs(nb)
    for cell in nb.cells:
        # papermill gives the cell it injects a random id; the page shows ids, and the same report
        # rendered twice must be the same file.
        if "injected-parameters" in cell.get("metadata", {}).get("tags", ()):
            cell["id"] = "injected-parameters"
    exporter = _exporter_class()(
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        template_name="decisionbook",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        sanitize_html=True,
        filters={"clean_html": functools.partial(clean, relative=True)},
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body
