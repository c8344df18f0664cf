package org.qdiff.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluator on a real JShell in this JVM; snippets use only JDK classes. */
class JShellEvaluatorTest {

  private static JShellEvaluator evaluator;

  @BeforeAll
  static void startJShell() {
    evaluator =
        JShellEvaluator.start(
            JShellEvaluatorTest.class.getClassLoader(), System.getProperty("java.class.path"));
  }

  @AfterAll
  static void closeJShell() {
    evaluator.close();
  }

  private static JShellEvaluator.Value evaluate(String code) {
    evaluator.beginCell();
    return evaluator.evaluate(code, "Cell In[1]", 1);
  }

  @Test
  void lastExpressionOfTheCellIsItsValue() {
    JShellEvaluator.Value value = evaluate("int half = 21;\nhalf * 2");
    assertTrue(value.present());
    assertEquals(42, value.value());
  }

  @Test
  void statementsAfterASwitchExpressionThatJShellCannotClassifyStillRun() {
    JShellEvaluator.Value value =
        evaluate(
            "String kind = \"box\";\n"
                + "int code = switch (kind) {\n"
                + "  case \"box\" -> 1;\n"
                + "  default -> throw new IllegalArgumentException(kind);\n"
                + "};\n"
                + "int twice = 2 * code;\n"
                + "twice + 40");
    assertEquals(42, value.value());
  }

  @Test
  void valueIsTheObjectItselfNotItsText() {
    Object value = evaluate("new java.util.ArrayList<>(java.util.List.of(1, 2))").value();
    assertInstanceOf(ArrayList.class, value);
  }

  @Test
  void trailingSemicolonHidesTheValue() {
    assertFalse(evaluate("Integer.valueOf(3);").present());
    assertFalse(evaluate("int declared = 3").present());
  }

  @Test
  void exceptionNamesItsClassAndTheCellLine() {
    SnippetException thrown =
        assertThrows(SnippetException.class, () -> evaluate("int one = 1;\nint bad = one / 0;"));
    assertEquals("ArithmeticException", thrown.errorName());
    assertEquals("/ by zero", thrown.errorValue());
    String traceback = String.join("\n", thrown.traceback());
    assertTrue(traceback.contains("Cell In[1], line 2"), traceback);
    assertFalse(traceback.contains("org.qdiff.kernel"), traceback);
  }

  @Test
  void compileErrorPointsAtLineAndColumn() {
    CompilationError thrown =
        assertThrows(CompilationError.class, () -> evaluate("int fine = 1;\nint x = missing + 1;"));
    assertTrue(thrown.errorValue().startsWith("cannot find symbol"), thrown.errorValue());
    String traceback = String.join("\n", thrown.traceback());
    assertTrue(traceback.contains("line 2, column 9"), traceback);
  }

  @Test
  void redeclaredVariableReleasesItsOldValue() {
    evaluate("var held = new int[1_000_000];");
    // An explicit type: JShell resets `var` declarations that depend on a redeclared variable.
    evaluate("java.lang.ref.WeakReference<Object> weak = new java.lang.ref.WeakReference<>(held);");
    evaluate("var held = new int[1];");
    Object collected =
        evaluate(
                "boolean gone = false;\n"
                    + "for (int i = 0; i < 20 && !gone; i++) { System.gc(); gone = weak.get() == null; }\n"
                    + "gone")
            .value();
    assertEquals(true, collected, "the first int[1_000_000] must be collectable");
  }

  @Test
  void interruptStopsABusyLoopAndTheNextCellRuns() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          CompletableFuture<JShellEvaluator.Value> loop =
              CompletableFuture.supplyAsync(() -> evaluate("while (true) {}"));
          Thread.sleep(500);
          evaluator.interrupt();
          ExecutionException thrown = assertThrows(ExecutionException.class, loop::get);
          assertInstanceOf(CellInterruptedException.class, thrown.getCause());
          assertEquals(2, evaluate("1 + 1").value());
        });
  }
}
