"""Export an executed notebook to a static HTML page: code hidden, no scripts, every output sanitised."""

from __future__ import annotations

import functools
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


@functools.cache
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


def _clean_html(html, cleaned: dict) -> str:
    from toolkit.reports.sanitize import clean

    done = cleaned.get(html) if isinstance(html, str) else None
    return done if done is not None else clean(html, relative=True)


def _exporter(cleaned: dict):
    """An exporter with its templates loaded; *cleaned* maps HTML outputs to their sanitised form, done ahead."""
    exporter = _exporter_class()(
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        template_name="decisionbook",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        sanitize_html=True,
        filters={"clean_html": functools.partial(_clean_html, cleaned=cleaned)},
        # The notebook is checked against its schema once, after every preprocessor, not after each one.
        optimistic_validation=True,
    )
    # The first page an exporter renders compiles its Jinja templates and the notebook schema's
    # validator: a fraction of a second, spent here on a one-cell page.
    import nbformat

    warm_up = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", {"text/html": "<p></p>", "text/plain": ""})])])
    _render(exporter, warm_up, "")
    return exporter


def _render(exporter, nb, title: str) -> str:
    import copy

    nb = copy.deepcopy(nb)
    _drop_active_outputs(nb)
    # A code cell that showed nothing (the parameters, a section the report leaves out) would still take a
    # padded band of the page. Papermill's injected cell, whose random id would make the same report render
    # to a different file each time, is one of them.
    nb.cells = [cell for cell in nb.cells if cell.get("cell_type") != "code" or cell.get("outputs")]
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


class Page:
    """The HTML export of a notebook that is still running, prepared on a worker thread meanwhile.

    The kernel computes in its own process; this one mostly waits for it. So the worker loads nbconvert
    and its templates and sanitises each cell's HTML outputs as the cell finishes (`cell_executed`, an
    nbclient hook); `html` then only renders. The page does not depend on how much the worker did: sanitising
    is a function of the output's text alone, and what the worker has not done the template still does.
    """

    def __init__(self):
        from concurrent.futures import ThreadPoolExecutor

        self._cleaned: dict[str, str] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-export")
        self._exporter = self._worker.submit(_exporter, self._cleaned)

    def cell_executed(self, cell, **_) -> None:
        texts = [output["data"]["text/html"] for output in cell.get("outputs", ())
                 if isinstance(output.get("data", {}).get("text/html"), str)]
        if texts:
            self._worker.submit(self._clean, texts)

    def _clean(self, texts) -> None:
        from toolkit.reports.sanitize import clean

        for text in texts:
            self._cleaned[text] = clean(text, relative=True)

    def close(self) -> None:
        """Drop what the worker has not started and wait for the rest: the report failed."""
        self._worker.shutdown(wait=True, cancel_futures=True)

    def html(self, nb, title: str) -> str:
        """The notebook *nb* (executed, not modified) as a self-contained HTML page titled *title*, without code."""
        self._worker.shutdown(wait=True)
        return _render(self._exporter.result(), nb, title)
