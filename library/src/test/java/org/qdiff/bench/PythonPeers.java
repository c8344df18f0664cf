package org.qdiff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code library/src/test/python/bench/peers.py}, one Python process per method, on the
 * potential of a Java case, and reads back psi(T). Each process's wall time covers its evolution
 * only, and its peak memory is its own ({@code ru_maxrss}).
 *
 * <p>Configured by system properties that {@code bench.sh} sets: {@code qdiff.bench.python} (an
 * interpreter with NumPy and SciPy, empty when none was found), {@code qdiff.bench.peers} (the
 * script) and {@code qdiff.bench.peerTimeout} (seconds per process, default 600).
 */
final class PythonPeers {

  /** What one peer process gave: its JSON line, and psi(T) unless it was skipped. */
  record Outcome(Map<String, String> report, double[] re, double[] im, String skipped) {

    boolean ran() {
      return skipped == null;
    }

    double number(String key) {
      String s = report.getOrDefault(key, "");
      return s.isEmpty() || s.equals("null") ? Double.NaN : Double.parseDouble(s);
    }
  }

  private final String python;
  private final Path script;
  private final long timeoutSeconds;

  private PythonPeers(String python, Path script, long timeoutSeconds) {
    this.python = python;
    this.script = script;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The peers as configured by the system properties. */
  static PythonPeers configured() {
    return new PythonPeers(
        System.getProperty("qdiff.bench.python", "").strip(),
        Path.of(System.getProperty("qdiff.bench.peers", "src/test/python/bench/peers.py")),
        Long.parseLong(System.getProperty("qdiff.bench.peerTimeout", "600")));
  }

  /** Why no peer can run, or null when Python with NumPy and SciPy is there. */
  String unavailable() {
    if (python.isEmpty()) {
      return "python3 with numpy and scipy not found: skipped";
    }
    if (!Files.isRegularFile(script)) {
      return "peer script " + script + " not found: skipped";
    }
    return null;
  }

  long timeoutSeconds() {
    return timeoutSeconds;
  }

  /** Writes values as raw little-endian float64, the format the peers read. */
  static void writeDoubles(Path file, double[] values) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asDoubleBuffer().put(values);
      Files.write(file, bytes.array());
    } catch (IOException e) {
      throw new UncheckedIOException("PythonPeers: cannot write " + file, e);
    }
  }

  /**
   * Runs one method on a box.
   *
   * @param method expm_multiply, chebyshev or qutip
   * @param potential the potential file
   * @param sides the box
   * @param site the initial delta
   * @param time T
   * @param tolerance the accuracy asked of the methods that take one
   * @param work a directory for psi(T)
   */
  Outcome run(
      String method,
      Path potential,
      int[] sides,
      int site,
      double time,
      double tolerance,
      Path work) {
    String why = unavailable();
    if (why != null) {
      return new Outcome(Map.of(), null, null, why);
    }
    Path psiFile = work.resolve("psi_" + method + ".bin");
    Path stdout = work.resolve("peer_" + method + ".out");
    List<String> command = new ArrayList<>();
    command.add(python);
    command.add(script.toString());
    command.add("--method");
    command.add(method);
    command.add("--potential");
    command.add(potential.toString());
    command.add("--sides");
    StringBuilder s = new StringBuilder();
    for (int a = 0; a < sides.length; a++) {
      s.append(a > 0 ? "," : "").append(sides[a]);
    }
    command.add(s.toString());
    command.add("--site");
    command.add(Integer.toString(site));
    command.add("--time");
    command.add(Double.toString(time));
    command.add("--tolerance");
    command.add(Double.toString(tolerance));
    command.add("--output");
    command.add(psiFile.toString());
    try {
      Files.createDirectories(work);
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new Outcome(
            Map.of(),
            null,
            null,
            "stopped after " + timeoutSeconds + " s (the time limit per peer): not finished");
      }
      Map<String, String> report = lastJsonLine(stdout);
      int status = process.exitValue();
      if (report.containsKey("skipped")) {
        return new Outcome(report, null, null, report.get("skipped") + ": skipped");
      }
      if (status != 0 || !Files.isRegularFile(psiFile)) {
        return new Outcome(report, null, null, method + " failed (exit status " + status + ")");
      }
      double[] both = readDoubles(psiFile);
      int n = both.length / 2;
      double[] re = new double[n];
      double[] im = new double[n];
      System.arraycopy(both, 0, re, 0, n);
      System.arraycopy(both, n, im, 0, n);
      return new Outcome(report, re, im, null);
    } catch (IOException e) {
      return new Outcome(Map.of(), null, null, "cannot run " + python + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the " + method + " peer", e);
    } finally {
      try {
        Files.deleteIfExists(psiFile);
        Files.deleteIfExists(stdout);
      } catch (IOException ignored) {
        // temporary files in data/bench/work, which is not committed
      }
    }
  }

  static double[] readDoubles(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer bytes = ByteBuffer.allocate((int) channel.size()).order(ByteOrder.LITTLE_ENDIAN);
      while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
        // read to the end
      }
      bytes.flip();
      DoubleBuffer doubles = bytes.asDoubleBuffer();
      double[] values = new double[doubles.remaining()];
      doubles.get(values);
      return values;
    }
  }

  private static Map<String, String> lastJsonLine(Path stdout) throws IOException {
    String last = null;
    for (String line : Files.readAllLines(stdout)) {
      if (line.strip().startsWith("{")) {
        last = line.strip();
      }
    }
    return last == null ? Map.of() : parseFlatJson(last);
  }

  /**
   * Parses a flat JSON object of strings, numbers and nulls, as the peers print it, into text
   * values (strings unescaped, numbers as written, null as "null").
   */
  static Map<String, String> parseFlatJson(String json) {
    Map<String, String> map = new LinkedHashMap<>();
    int i = json.indexOf('{') + 1;
    while (i < json.length()) {
      i = skipSpaceAndCommas(json, i);
      if (i >= json.length() || json.charAt(i) == '}') {
        break;
      }
      StringBuilder key = new StringBuilder();
      i = readString(json, i, key);
      i = json.indexOf(':', i) + 1;
      i = skipSpaceAndCommas(json, i);
      StringBuilder value = new StringBuilder();
      if (json.charAt(i) == '"') {
        i = readString(json, i, value);
      } else {
        while (i < json.length() && ",} ".indexOf(json.charAt(i)) < 0) {
          value.append(json.charAt(i++));
        }
      }
      map.put(key.toString(), value.toString());
    }
    return map;
  }

  private static int skipSpaceAndCommas(String s, int i) {
    while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
      i++;
    }
    return i;
  }

  /** Reads a quoted string starting at {@code s[i] == '"'}; returns the index after it. */
  private static int readString(String s, int i, StringBuilder out) {
    i++;
    while (i < s.length() && s.charAt(i) != '"') {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        if (next == 'u' && i + 4 < s.length()) {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        } else {
          out.append(next == 'n' ? ' ' : next);
        }
      } else {
        out.append(ch);
      }
      i++;
    }
    return i + 1;
  }

  /** "Python 3.11.2, NumPy 1.24.2, SciPy 1.10.1" from a report. */
  static String versions(Map<String, String> report) {
    return String.format(
        Locale.ROOT,
        "Python %s, NumPy %s, SciPy %s%s",
        report.getOrDefault("python", "?"),
        report.getOrDefault("numpy", "?"),
        report.getOrDefault("scipy", "?"),
        report.containsKey("qutip") ? ", QuTiP " + report.get("qutip") : "");
  }
}
