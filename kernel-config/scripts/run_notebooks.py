"""Executes notebooks headless on the qdiff kernel through nbclient.

Each executed notebook is written to the output directory (also when a cell fails, so the error
can be read there), and each notebook's wall time to timings.csv. Notebooks run in their own
directory, as Jupyter runs them; figures they save land where the notebooks put them (data/).
Exit status 1 if any notebook had an error.
"""

import argparse
import csv
import datetime
import glob
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def error_count(notebook):
    return sum(
        1
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebooks", help="directory of *.ipynb")
    parser.add_argument("output", help="directory for executed notebooks and timings.csv")
    parser.add_argument("--kernel", default="qdiff", help="kernelspec name (default qdiff)")
    parser.add_argument("--cell-timeout", type=int, default=1800, help="seconds per cell")
    args = parser.parse_args()

    paths = sorted(glob.glob(os.path.join(args.notebooks, "*.ipynb")))
    if not paths:
        print(f"no notebooks in {args.notebooks}")
        return 0
    os.makedirs(args.output, exist_ok=True)
    rows = []
    failed = []
    for path in paths:
        name = os.path.basename(path)
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(
            notebook,
            kernel_name=args.kernel,
            timeout=args.cell_timeout,
            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        print(f"== {name}", flush=True)
        started = time.monotonic()
        status = "ok"
        try:
            client.execute()
        except CellExecutionError as error:
            status = "error"
            print(str(error).splitlines()[-1] if str(error) else "cell error", file=sys.stderr)
        except Exception as error:  # a dead kernel or a timeout: record it and go on
            status = f"failed: {type(error).__name__}"
            print(f"{name}: {error}", file=sys.stderr)
        seconds = time.monotonic() - started
        nbformat.write(notebook, os.path.join(args.output, name))
        if status == "ok" and error_count(notebook):
            status = "error"
        if status != "ok":
            failed.append(name)
        rows.append({"notebook": name, "wall_seconds": f"{seconds:.2f}", "status": status,
                     "finished_utc": datetime.datetime.utcnow().isoformat(timespec="seconds")})
        print(f"   {status}, {seconds:.1f} s", flush=True)

    with open(os.path.join(args.output, "timings.csv"), "w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=["notebook", "wall_seconds", "status", "finished_utc"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"executed notebooks and timings.csv in {args.output}")
    if failed:
        print(f"notebooks with errors: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
