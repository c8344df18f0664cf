package org.qdiff.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.qdiff.numeric.SparseOperator;

/** What the benchmark reads about the machine and its own process from {@code /proc}. */
final class Machine {

  private Machine() {}

  /**
   * Peak resident set size of this process in MiB: {@code VmHWM} of {@code /proc/self/status}, the
   * high-water mark of physical memory the JVM has held (heap, metaspace, code, native buffers).
   * NaN where {@code /proc} is missing (not Linux).
   */
  static double peakRssMb() {
    return statusKib("VmHWM:") / 1024.0;
  }

  /** Current resident set size in MiB ({@code VmRSS}), NaN where unavailable. */
  static double rssMb() {
    return statusKib("VmRSS:") / 1024.0;
  }

  /** The one-minute load average of the machine ({@code /proc/loadavg}), NaN where unavailable. */
  static double loadAverage() {
    try {
      String line = Files.readString(Path.of("/proc/loadavg")).strip();
      return Double.parseDouble(line.split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** CPU time of this process (all its threads: workers, JIT, GC) in ns, 0 where unavailable. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /**
   * Busy CPU time of the whole machine in seconds, summed over cores, from the first line of {@code
   * /proc/stat} (user, nice, system, irq, softirq, steal; in USER_HZ = 100 ticks per second on
   * Linux); NaN where unavailable.
   */
  static double busySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int k : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(f[k]);
      }
      return busy / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** UTC time to the second, ISO-8601. */
  static String nowUtc() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * The processor model ({@code /proc/cpuinfo}), the processors the JVM sees and whether the
   * stencil runs in SIMD lanes.
   */
  static String describe() {
    String model = "unknown processor";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // keep "unknown processor": the description is informative only
    }
    int lanes = SparseOperator.vectorLanes();
    return model
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " processors, stencil "
        + (lanes > 1 ? "in SIMD lanes of " + lanes + " doubles" : "in scalar loops");
  }

  private static double statusKib(String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
      for (String line : lines) {
        if (line.startsWith(key)) {
          return Double.parseDouble(line.substring(key.length()).strip().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
