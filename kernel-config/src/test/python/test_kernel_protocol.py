"""The qdiff kernel as a Jupyter front end sees it: results, displays, errors, interrupts,
completion, magics, streaming output, restart and shutdown.

Run by the Maven build (KernelProtocolIT); by hand:
    JUPYTER_PATH=kernel-config/target/jupyter /usr/bin/python3 -m unittest -v test_kernel_protocol
"""

import base64
import glob
import os
import tempfile
import time
import unittest

from kernel_session import KernelSession

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
M2 = os.path.expanduser("~/.m2/repository")


def newest_in_m2(group_path, artifact):
    """The newest version of an artifact already in ~/.m2 (tests must not need the network)."""
    jars = glob.glob(f"{M2}/{group_path}/{artifact}/*/{artifact}-*.jar")
    jars = [j for j in jars if os.path.basename(j) == f"{artifact}-{os.path.basename(os.path.dirname(j))}.jar"]
    if not jars:
        return None
    def version_key(jar):
        version = os.path.basename(os.path.dirname(jar))
        return [int(p) if p.isdigit() else 0 for p in version.replace("-", ".").split(".")]
    jar = max(jars, key=version_key)
    return os.path.basename(os.path.dirname(jar)), jar


class KernelProtocolTest(unittest.TestCase):
    """One kernel for all tests of this class; each test leaves it usable."""

    @classmethod
    def setUpClass(cls):
        cls.kernel = KernelSession()
        print(f"\nkernel started in {cls.kernel.startup_seconds:.2f} s", flush=True)

    @classmethod
    def tearDownClass(cls):
        cls.kernel.close()

    def run_ok(self, code, timeout=60):
        execution = self.kernel.execute(code, timeout)
        self.assertEqual("ok", execution.status, f"cell failed: {execution.error}")
        return execution

    def library_has(self, expression):
        """Whether an expression about the library evaluates to true (the library grows meanwhile)."""
        execution = self.kernel.execute(expression)
        return execution.status == "ok" and execution.result == {"text/plain": "true"}

    # ----- values and displays -----

    def test_last_expression_is_the_result(self):
        execution = self.run_ok("int a = 20;\na * 2 + 2")
        self.assertEqual({"text/plain": "42"}, execution.result)

    def test_semicolon_after_last_expression_hides_the_result(self):
        execution = self.run_ok('String.valueOf(3);')
        self.assertIsNone(execution.result)

    def test_startup_imports_make_library_types_available(self):
        execution = self.run_ok(
            "List.of(Table.class, XYChart.class, Map.class).size()")
        self.assertEqual("3", execution.result["text/plain"])

    def test_nd4j_computes_in_double_precision(self):
        execution = self.run_ok(
            "var v = org.nd4j.linalg.factory.Nd4j.create(new double[]{1, 2});\n"
            'v.sumNumber() + " " + v.dataType()')
        self.assertEqual("3.0 DOUBLE", execution.result["text/plain"])

    def test_stencil_runs_in_simd_lanes(self):
        # kernel.json adds jdk.incubator.vector; without it the stencil runs scalar loops.
        execution = self.run_ok(
            "org.qdiff.numeric.SparseOperator.vectorLanes() >= 2")
        self.assertEqual("true", execution.result["text/plain"])

    def test_table_renders_as_html_with_row_count_and_cap(self):
        execution = self.run_ok(
            'var numbers = Table.create("numbers", '
            "IntColumn.create(\"i\", java.util.stream.IntStream.range(0, 1234).toArray()));\n"
            "numbers")
        html = execution.result["text/html"]
        self.assertIn("1234 rows", html)
        self.assertIn("<table>", html)
        self.assertIn("showing the first 20 of 1234 rows", html)
        self.assertEqual(20, html.count("</td></tr>"), "20 rows shown")
        self.assertIn("1234", execution.result["text/plain"])

    def test_table_html_is_escaped(self):
        execution = self.run_ok(
            'Table.create("a<b & c", StringColumn.create("<col>", new String[]{"<script>"}))')
        html = execution.result["text/html"]
        self.assertIn("a&lt;b &amp; c", html)
        self.assertIn("&lt;script&gt;", html)
        self.assertNotIn("<script>", html)

    def test_chart_renders_as_png(self):
        execution = self.run_ok(
            "var chart = new XYChartBuilder().width(320).height(200).title(\"line\").build();\n"
            'chart.addSeries("y", new double[]{0, 1, 2}, new double[]{0, 1, 4});\n'
            "chart")
        png = base64.b64decode(execution.result["image/png"])
        self.assertTrue(png.startswith(PNG_SIGNATURE), "image/png must decode to a PNG")
        self.assertEqual(320, int.from_bytes(png[16:20], "big"), "PNG width")

    def test_chart_renders_as_svg_when_asked(self):
        execution = self.run_ok(
            "var svgChart = new XYChartBuilder().width(300).height(200).build();\n"
            'svgChart.addSeries("y", new double[]{0, 1}, new double[]{1, 0});\n'
            'display(svgChart, "image/svg+xml");')
        displays = execution.of_type("display_data")
        self.assertEqual(1, len(displays))
        self.assertIn("<svg", displays[0]["data"]["image/svg+xml"])

    def test_display_then_update_in_place(self):
        execution = self.run_ok('String id = display("first");\nupdateDisplay(id, "second");')
        shown = execution.of_type("display_data")[0]
        updated = execution.of_type("update_display_data")[0]
        self.assertEqual("first", shown["data"]["text/plain"])
        self.assertEqual("second", updated["data"]["text/plain"])
        self.assertEqual(shown["transient"]["display_id"], updated["transient"]["display_id"])

    def test_wave_function_on_a_square_lattice_renders(self):
        if not self.library_has(
                'Class.forName("org.qdiff.state.WaveFunction") != null '
                '&& Class.forName("org.qdiff.lattice.Lattice") != null'):
            self.skipTest("the library has no WaveFunction/Lattice yet")
        execution = self.run_ok("WaveFunction.delta(Lattice.square(8).build())")
        self.assertIn("text/plain", execution.result)
        has_density = self.library_has(
            'java.util.Arrays.stream(Class.forName("org.qdiff.plot.Plot").getMethods())'
            '.anyMatch(m -> m.getName().equals("density"))')
        if has_density:
            png = base64.b64decode(execution.result["image/png"])
            self.assertTrue(png.startswith(PNG_SIGNATURE))
        else:
            self.assertNotIn("image/png", execution.result, "text only until Plot.density exists")

    def test_progress_bar_updates_in_place_and_finishes(self):
        execution = self.run_ok(
            'var reporter = org.qdiff.progress.Progress.start("steps", 8);\n'
            "for (int i = 1; i <= 8; i++) { Thread.sleep(60); reporter.advance(i); }\n"
            "reporter.close();")
        shown = execution.of_type("display_data")
        updates = execution.of_type("update_display_data")
        self.assertEqual(1, len(shown), "one bar")
        self.assertGreaterEqual(len(updates), 2, "updated while running and when closed")
        self.assertLessEqual(len(updates), 8, "throttled: fewer updates than steps")
        bar_id = shown[0]["transient"]["display_id"]
        self.assertTrue(all(u["transient"]["display_id"] == bar_id for u in updates))
        self.assertIn("8/8", updates[-1]["data"]["text/plain"])
        self.assertIn("done", updates[-1]["data"]["text/plain"])

    # ----- output streams -----

    def test_stdout_streams_before_the_cell_ends(self):
        execution = self.run_ok(
            'System.out.println("first");\nThread.sleep(1500);\nSystem.out.println("second");')
        streams = [(t, c["text"]) for t, kind, c in execution.messages if kind == "stream"]
        first = next(t for t, text in streams if "first" in text)
        second = next(t for t, text in streams if "second" in text)
        self.assertGreater(second - first, 1.0, f"'first' must arrive while the cell sleeps: {streams}")

    def test_stderr_is_its_own_stream(self):
        execution = self.run_ok('System.err.println("careful"); System.out.print("fine")')
        self.assertEqual("careful\n", execution.stderr)
        self.assertEqual("fine", execution.stdout)

    # ----- errors -----

    def test_exception_is_an_error_and_the_next_cell_works(self):
        execution = self.kernel.execute("int[] cells = new int[2];\ncells[5] = 1;")
        self.assertEqual("error", execution.status)
        self.assertEqual("ArrayIndexOutOfBoundsException", execution.error["ename"])
        self.assertEqual(execution.error["ename"], execution.reply["ename"])
        traceback = "\n".join(execution.error["traceback"])
        self.assertIn("line 2", traceback)
        for internal in ("jdk.jshell", "org.qdiff.kernel", "jdk.internal.reflect"):
            self.assertNotIn(internal, traceback)
        self.assertEqual({"text/plain": "42"}, self.run_ok("40 + 2").result)

    def test_exception_from_a_method_shows_both_cell_lines(self):
        execution = self.kernel.execute(
            "double ratio(int n) {\n  return List.of(1.0).get(n);\n}\nratio(3)")
        self.assertEqual("IndexOutOfBoundsException", execution.error["ename"])
        traceback = "\n".join(execution.error["traceback"])
        self.assertIn("ratio (", traceback)
        self.assertIn("line 2", traceback)
        self.assertIn("line 4", traceback)
        self.assertIn("java.util.", traceback, "frames of library code are kept")

    def test_compile_error_points_at_the_line(self):
        execution = self.kernel.execute("int fine = 1;\nint broken = undefinedName + 1;")
        self.assertEqual("error", execution.status)
        self.assertEqual("CompilationError", execution.error["ename"])
        self.assertIn("cannot find symbol", execution.error["evalue"])
        traceback = "\n".join(execution.error["traceback"])
        self.assertIn("line 2", traceback)
        self.assertIn("undefinedName", traceback)
        self.assertIn("^", traceback)
        self.assertEqual({"text/plain": "1"}, self.run_ok("fine").result)

    def test_interrupt_stops_an_infinite_loop_and_the_kernel_goes_on(self):
        self.run_ok("int keptAcrossInterrupt = 7;")
        msg_id = self.kernel.client.execute("while (true) {}")
        time.sleep(1.0)
        interrupted_at = time.monotonic()
        self.kernel.interrupt()
        execution = self.kernel.collect(msg_id, timeout=30)
        self.assertLess(time.monotonic() - interrupted_at, 10, "the loop must stop promptly")
        self.assertEqual("error", execution.status)
        self.assertEqual("Interrupted", execution.error["ename"])
        self.assertEqual({"text/plain": "7"}, self.run_ok("keptAcrossInterrupt").result)

    def test_interrupt_wakes_a_sleeping_cell(self):
        msg_id = self.kernel.client.execute("Thread.sleep(60_000);")
        time.sleep(1.0)
        self.kernel.interrupt()
        execution = self.kernel.collect(msg_id, timeout=30)
        self.assertEqual("Interrupted", execution.error["ename"])
        self.assertEqual({"text/plain": "true"}, self.run_ok("true").result)

    # ----- editing help -----

    def test_completion(self):
        cases = [
            ("String.valueO", "valueOf"),
            ("%ti", "%time"),
            # Jupyter counts code points; the emoji is two UTF-16 units in Java.
            ('String smile = "\U0001F600"; smile.isEmp', "isEmpty"),
        ]
        if self.library_has('Class.forName("org.qdiff.lattice.Lattice") != null'):
            cases.append(("Lattice.cu", "cubic"))
        for code, expected in cases:
            with self.subTest(code=code):
                reply = self.kernel.complete(code)
                self.assertEqual("ok", reply["status"])
                self.assertTrue(
                    any(match.startswith(expected) for match in reply["matches"]),
                    f"{expected} not in {reply['matches']}")
                self.assertEqual(len(code), reply["cursor_end"])
                replaced = code[reply["cursor_start"]:reply["cursor_end"]]
                self.assertTrue(expected.startswith(replaced), f"replaces '{replaced}'")

    def test_inspection_shows_the_signature(self):
        reply = self.kernel.inspect("Math.sqrt(2.0)", 7)
        self.assertTrue(reply["found"])
        self.assertIn("sqrt(double", reply["data"]["text/plain"])

    def test_is_complete(self):
        self.assertEqual("complete", self.kernel.is_complete("int x = 1;")["status"])
        self.assertEqual("complete", self.kernel.is_complete("%time 1 + 1")["status"])
        unfinished = self.kernel.is_complete("for (int i = 0; i < 3; i++) {")
        self.assertEqual("incomplete", unfinished["status"])
        self.assertEqual("    ", unfinished["indent"])

    # ----- magics -----

    def test_time_line_magic_prints_wall_time_and_returns_the_value(self):
        execution = self.run_ok("%time Math.sqrt(2.0)")
        self.assertRegex(execution.stdout, r"Wall time: [0-9.]+ (s|ms|µs)")
        self.assertEqual({"text/plain": "1.4142135623730951"}, execution.result)

    def test_time_cell_magic(self):
        execution = self.run_ok("%%time\nint sum = 0;\nfor (int i = 0; i < 10; i++) sum += i;\nsum")
        self.assertIn("Wall time:", execution.stdout)
        self.assertEqual({"text/plain": "45"}, execution.result)

    def test_maven_magic_adds_an_artifact_and_its_dependencies(self):
        found = newest_in_m2("org/apache/commons", "commons-text")
        if found is None:
            self.skipTest("commons-text is not in ~/.m2 (the test does not download)")
        version, _ = found
        execution = self.run_ok(
            f"%maven org.apache.commons:commons-text:{version}\n"
            'org.apache.commons.text.WordUtils.capitalize("quantum walk")', timeout=120)
        self.assertIn("commons-text", execution.stdout)
        self.assertEqual({"text/plain": "Quantum Walk"}, execution.result)

    def test_jars_magic_adds_a_jar(self):
        found = newest_in_m2("commons-cli", "commons-cli")
        if found is None:
            self.skipTest("commons-cli is not in ~/.m2")
        _, jar = found
        execution = self.run_ok(
            f'%jars "{jar}"\nnew org.apache.commons.cli.Options().addOption("v", "verbose").hasOption("v")')
        self.assertEqual({"text/plain": "true"}, execution.result)

    def test_load_magic_runs_a_file(self):
        with tempfile.NamedTemporaryFile("w", suffix=".jsh", delete=False) as script:
            script.write("int loaded = 41;\nloaded + 1\n")
        try:
            execution = self.run_ok(f'%load "{script.name}"')
            self.assertEqual({"text/plain": "42"}, execution.result)
        finally:
            os.unlink(script.name)

    def test_unknown_magic_names_the_known_ones(self):
        execution = self.kernel.execute("%nosuchmagic 1")
        self.assertEqual("error", execution.status)
        self.assertIn("%maven", execution.error["evalue"])


class KernelLifecycleTest(unittest.TestCase):
    """Restart and shutdown, on a kernel of its own."""

    def test_restart_forgets_state_and_shutdown_ends_the_process(self):
        kernel = KernelSession()
        try:
            self.assertEqual("ok", kernel.execute("int beforeRestart = 1;").status)
            kernel.restart()
            self.assertEqual("error", kernel.execute("beforeRestart").status)
            self.assertEqual({"text/plain": "2"}, kernel.execute("1 + 1").result)
            kernel.client.stop_channels()
            started = time.monotonic()
            kernel.manager.shutdown_kernel(now=False)
            self.assertFalse(kernel.manager.is_alive())
            self.assertLess(time.monotonic() - started, 10)
        finally:
            kernel.close()


if __name__ == "__main__":
    unittest.main()
