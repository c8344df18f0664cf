"""Every notebook in notebooks/ runs top to bottom on the qdiff kernel without an error output.

The notebooks run in their own directory, as Jupyter runs them. The executed copies go to
QDIFF_IT_WORKDIR/notebooks (kernel-config/target/kernel-it), and the Maven build sets QDIFF_DATA so
the figures they save land in target/ too: the tests do not rewrite data/ (run-notebooks.sh does).
"""

import glob
import os
import re
import time
import unittest

import nbformat
from nbclient import NotebookClient

from kernel_session import KERNEL_NAME

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOKS = os.environ.get(
    "QDIFF_NOTEBOOKS", os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "notebooks")))
WORK_DIR = os.environ.get("QDIFF_IT_WORKDIR", os.path.join(HERE, "..", "..", "..", "target", "kernel-it"))
CELL_TIMEOUT = int(os.environ.get("QDIFF_CELL_TIMEOUT", "600"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def error_outputs(notebook):
    """A readable report of every error output in an executed notebook ("" when there is none)."""
    report = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                traceback = ANSI.sub("", "\n".join(output.get("traceback", [])))
                report.append(
                    f"cell {index}: {output.get('ename')}: {output.get('evalue')}\n"
                    f"{cell.get('source', '')}\n---\n{traceback}")
    return "\n\n".join(report)


def mime_types(notebook):
    """Every MIME type among the display and result outputs of an executed notebook."""
    found = set()
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            found.update(output.get("data", {}).keys())
    return found


def saved_figures(notebook):
    """Glob patterns of the PNGs a notebook saves with Plot.save(chart, ...("figures/NAME")).

    A name followed by `" +` is built in a loop (e.g. one per seed) and matched by prefix.
    """
    patterns = set()
    for cell in notebook.cells:
        if cell.get("cell_type") == "code":
            for name, tail in re.findall(r'"figures/([A-Za-z0-9_]+)"\s*(\+?)', cell.get("source", "")):
                patterns.add(name + ("*" if tail else "") + ".png")
    return patterns


def notebook_paths():
    return sorted(glob.glob(os.path.join(NOTEBOOKS, "*.ipynb")))


class NotebooksTest(unittest.TestCase):
    """One test per notebook, added below, so each notebook counts and fails on its own."""

    def run_notebook(self, path):
        name = os.path.basename(path)
        out_dir = os.path.join(WORK_DIR, "notebooks")
        os.makedirs(out_dir, exist_ok=True)
        notebook = nbformat.read(path, as_version=4)
        data = os.environ.get("QDIFF_DATA")
        if data:  # figures left by an earlier run must not pass for this run's
            for pattern in saved_figures(notebook):
                for old in glob.glob(os.path.join(data, "figures", pattern)):
                    os.remove(old)
        client = NotebookClient(
            notebook,
            kernel_name=KERNEL_NAME,
            timeout=CELL_TIMEOUT,
            allow_errors=True,
            resources={"metadata": {"path": os.path.dirname(path)}})
        started = time.monotonic()
        try:
            client.execute()
        finally:
            nbformat.write(notebook, os.path.join(out_dir, name))
        print(f"[{name}: {time.monotonic() - started:.1f} s] ", end="", flush=True)
        errors = error_outputs(notebook)
        self.assertFalse(errors, f"error outputs in {name}:\n{errors}")
        # Each notebook teaches with figures and tables: both must be rendered.
        types = mime_types(notebook)
        self.assertIn("image/png", types, f"{name} shows no figure")
        self.assertIn("text/html", types, f"{name} shows no table")
        if data:
            for pattern in saved_figures(notebook):
                found = glob.glob(os.path.join(data, "figures", pattern))
                self.assertTrue(found, f"{name} did not save figures/{pattern} under {data}")


def add_notebook_tests():
    paths = notebook_paths()
    if not paths:
        def test_notebooks_present(self):
            self.skipTest(f"no notebooks in {NOTEBOOKS} yet: nothing to execute")
        NotebooksTest.test_notebooks_present = test_notebooks_present
    for path in paths:
        stem = re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0])
        setattr(NotebooksTest, f"test_{stem}", lambda self, path=path: self.run_notebook(path))


add_notebook_tests()


if __name__ == "__main__":
    unittest.main()
