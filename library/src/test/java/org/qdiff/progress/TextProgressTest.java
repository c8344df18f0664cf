package org.qdiff.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Progress as lines of text, and silenced nested tasks. */
class TextProgressTest {

  private static String[] lines(ByteArrayOutputStream bytes) {
    String text = bytes.toString(StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? new String[0] : text.split("\\R");
  }

  @Test
  void everyUnitPrintsALineWithZeroInterval() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressReporter reporter =
        TextProgress.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0).start("task", 4);
    reporter.advance(1);
    reporter.advance(4);
    reporter.close();
    reporter.close();
    String[] lines = lines(bytes);
    assertEquals(3, lines.length, String.join("\n", lines));
    assertTrue(lines[0].startsWith("task: 1/4 (25%), "), lines[0]);
    assertTrue(lines[1].startsWith("task: 4/4 (100%), "), lines[1]);
    assertTrue(lines[2].startsWith("task: 4/4 (100%), done in "), lines[2]);
  }

  @Test
  void shortTasksPrintNothingAndStoppedTasksSaySo() {
    ByteArrayOutputStream quiet = new ByteArrayOutputStream();
    ProgressReporter fast =
        TextProgress.to(new PrintStream(quiet, true, StandardCharsets.UTF_8)).start("fast", 10);
    fast.advance(10);
    fast.close();
    assertEquals(0, lines(quiet).length);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressReporter stopped =
        TextProgress.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0).start("run", 10);
    stopped.advance(3);
    stopped.close();
    String[] lines = lines(bytes);
    assertTrue(
        lines[lines.length - 1].contains("3/10 (30%), stopped after "), lines[lines.length - 1]);
  }

  @Test
  void quietlySilencesTasksStartedInsideOnThisThreadOnly() throws Exception {
    int[] started = {0};
    Progress.install(
        (label, total) -> {
          started[0]++;
          return ProgressReporter.SILENT;
        });
    try {
      Progress.start("outside", 1).close();
      Progress.quietly(
          () -> {
            Progress.start("inside", 1).close();
            return Progress.quietly(() -> Progress.start("nested", 1));
          });
      assertEquals(1, started[0]);
      Progress.start("after", 1).close();
      assertEquals(2, started[0]);
      assertThrows(
          IllegalStateException.class,
          () ->
              Progress.quietly(
                  () -> {
                    throw new IllegalStateException("fails");
                  }));
      Progress.start("after a failure", 1).close();
      assertEquals(3, started[0]);
    } finally {
      Progress.silence();
    }
  }

  @Test
  void badArguments() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TextProgress.to(System.err, -1));
    assertTrue(e.getMessage().contains("TextProgress.to: intervalSeconds"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TextProgress.to(null));
  }
}
