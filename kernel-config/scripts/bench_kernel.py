"""Kernel start to first result: how long a notebook waits before its first ND4J cell answers.

Each run starts a fresh qdiff kernel through jupyter_client and measures, from the start request:
  ready_s         the kernel answers kernel_info (JVM, JShell and startup imports are up);
  first_result_s  the first cell, which builds an ND4J array, has returned its result;
and then the time of a second cell that builds a lattice and a wave function with qdiff
(lattice_cell_s, empty while the library has no Lattice/WaveFunction).
Writes one row per run to the CSV (overwritten) and prints the medians. Asserts nothing.
"""

import argparse
import csv
import datetime
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

ND4J_CELL = "org.nd4j.linalg.factory.Nd4j.create(new double[]{1, 2}).sumNumber()"
LATTICE_CELL = (
    "var benchLattice = Lattice.cubic(32).periodic().build();\n"
    "WaveFunction.delta(benchLattice, benchLattice.center()).normSquared()")


def execute(client, code, timeout=300):
    """Runs a cell; returns (status, seconds until its result or reply)."""
    started = time.monotonic()
    msg_id = client.execute(code, allow_stdin=False)
    result_at = None
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result" and result_at is None:
            result_at = time.monotonic()
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = client.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=timeout)
    return reply["content"]["status"], (result_at or time.monotonic()) - started


def one_run(kernel_name):
    started = time.monotonic()
    manager = KernelManager(kernel_name=kernel_name)
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        ready = time.monotonic() - started
        status, _ = execute(client, ND4J_CELL)
        first_result = time.monotonic() - started
        if status != "ok":
            raise RuntimeError(f"ND4J cell failed: {status}")
        status, lattice_seconds = execute(client, LATTICE_CELL)
        return {
            "ready_s": f"{ready:.3f}",
            "first_result_s": f"{first_result:.3f}",
            "lattice_cell_s": f"{lattice_seconds:.3f}" if status == "ok" else "",
        }
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", help="CSV file to write")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kernel", default="qdiff")
    args = parser.parse_args()

    rows = []
    for run in range(1, args.runs + 1):
        row = {"run": run, **one_run(args.kernel)}
        row["cpus"] = os.cpu_count()
        row["date_utc"] = datetime.datetime.utcnow().isoformat(timespec="seconds")
        print(f"run {run}: ready {row['ready_s']} s, first ND4J result {row['first_result_s']} s, "
              f"lattice cell {row['lattice_cell_s'] or '-'} s", flush=True)
        rows.append(row)

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", newline="") as out:
        writer = csv.DictWriter(
            out, fieldnames=["run", "ready_s", "first_result_s", "lattice_cell_s", "cpus", "date_utc"])
        writer.writeheader()
        writer.writerows(rows)
    median = statistics.median(float(r["first_result_s"]) for r in rows)
    print(f"median kernel start to first ND4J result: {median:.2f} s ({args.runs} runs) -> {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
