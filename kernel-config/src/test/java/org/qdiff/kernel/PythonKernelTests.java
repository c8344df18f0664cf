package org.qdiff.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a Python {@code unittest} module of {@code src/test/python} against the kernel built by this
 * module, through the system's Jupyter client.
 *
 * <p>The kernelspec comes from {@code target/jupyter} ({@code JUPYTER_PATH}), so the tests use the
 * jar just built and not a kernel installed for the user. The Python output is echoed into the
 * build log and, when Python fails, into the test failure.
 */
final class PythonKernelTests {

  private static final String INSTALL_HINT =
      "Install Jupyter with kernel-config/install.sh (it runs apt-get install -y jupyter-client"
          + " python3-nbclient jupyter-nbconvert python3-ipykernel)";

  private static final Pattern RAN = Pattern.compile("^Ran (\\d+) tests? in", Pattern.MULTILINE);
  private static final Pattern SKIPPED = Pattern.compile("skipped=(\\d+)");

  private PythonKernelTests() {}

  /**
   * Runs {@code python -m unittest -v <module>} and fails the calling test if Python fails.
   *
   * @param module e.g. {@code test_kernel_protocol}
   * @param timeoutMinutes the whole module's time limit
   */
  static void run(String module, long timeoutMinutes) throws IOException, InterruptedException {
    String python = property("kernel.it.python");
    Path scripts = Path.of(property("kernel.it.scripts"));
    Path jupyterPath = Path.of(property("kernel.it.jupyterPath"));
    Path workDir = Path.of(property("kernel.it.workDir"));
    requireJupyter(python);
    if (!Files.isRegularFile(jupyterPath.resolve("kernels/qdiff/kernel.json"))) {
      fail("No kernelspec at " + jupyterPath + "/kernels/qdiff: run `mvn package` first");
    }
    Files.createDirectories(workDir);

    ProcessBuilder builder =
        new ProcessBuilder(python, "-u", "-m", "unittest", "-v", module)
            .directory(scripts.toFile())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("JUPYTER_PATH", jupyterPath.toString());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.put("QDIFF_IT_WORKDIR", workDir.toString());
    env.put("QDIFF_NOTEBOOKS", property("kernel.it.notebooks"));
    // The library's Frames.dataDirectory(): notebooks run by tests write their figures under
    // target/, not into the repository's data/.
    env.put("QDIFF_DATA", workDir.resolve("data").toString());
    // Kernel connection files and runtime state stay inside target/.
    env.put("JUPYTER_RUNTIME_DIR", workDir.resolve("runtime").toString());

    Process process = builder.start();
    StringBuffer output = new StringBuffer();
    // Read on another thread, so a hung kernel cannot keep the build waiting past the time limit.
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  System.out.println("[python] " + line);
                  output.append(line).append('\n');
                }
              } catch (IOException e) {
                output.append("(reading Python's output failed: ").append(e).append(")\n");
              }
            },
            "python-output");
    reader.start();
    if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      // Kernels started by the tests are children of Python: stop them too.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      reader.join(TimeUnit.SECONDS.toMillis(10));
      fail(module + " did not finish within " + timeoutMinutes + " min:\n" + output);
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    System.out.println("[python] " + module + ": " + summary(output.toString()));
    if (process.exitValue() != 0) {
      fail(module + " failed (exit " + process.exitValue() + "):\n" + output);
    }
  }

  /** "ran N, skipped M", from unittest's closing lines. */
  static String summary(String output) {
    Matcher ran = RAN.matcher(output);
    Matcher skipped = SKIPPED.matcher(output);
    String tests = ran.find() ? ran.group(1) : "?";
    return "ran " + tests + " tests, skipped " + (skipped.find() ? skipped.group(1) : "0");
  }

  private static void requireJupyter(String python) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(python))) {
      fail("No Python at " + python + ". " + INSTALL_HINT);
    }
    Process check =
        new ProcessBuilder(
                List.of(python, "-c", "import jupyter_client, nbclient, nbformat, ipykernel"))
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (check.waitFor() != 0) {
      fail(
          "The Jupyter Python packages are missing for "
              + python
              + ". "
              + INSTALL_HINT
              + "\n"
              + output);
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      fail("System property " + name + " is not set: run the tests through Maven (mvn verify)");
    }
    return value;
  }
}
