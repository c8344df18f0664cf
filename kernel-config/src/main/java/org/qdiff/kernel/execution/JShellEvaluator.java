package org.qdiff.kernel.execution;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates the Java part of cells with JShell, in the kernel's JVM, one snippet after the other.
 *
 * <p>A cell holds any number of snippets (declarations, statements, expressions). They run in
 * order; the first one that fails to compile or throws ends the cell. The value of the last snippet
 * is the cell's value when that snippet is an expression not closed by {@code ;}.
 */
public final class JShellEvaluator implements AutoCloseable {

  private final JShell shell;
  private final CellExecutionControl control;
  private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();
  private volatile boolean interruptRequested;
  private volatile boolean running;

  private JShellEvaluator(JShell shell, CellExecutionControl control) {
    this.shell = shell;
    this.control = control;
  }

  /**
   * Starts JShell with the kernel's classpath visible to notebook code, for compiling and running.
   *
   * @param kernelClassLoader the loader of the kernel, the library and its dependencies
   * @param kernelClasspath the kernel's class path ({@code java.class.path})
   */
  public static JShellEvaluator start(ClassLoader kernelClassLoader, String kernelClasspath) {
    CellExecutionControl control = CellExecutionControl.create(kernelClassLoader, kernelClasspath);
    JShell shell = JShell.builder().executionEngine(control.provider(), Map.of()).build();
    // The compiler needs the kernel's classpath; the loader skips these entries (already loaded).
    shell.addToClasspath(kernelClasspath);
    return new JShellEvaluator(shell, control);
  }

  /** The value of a cell: present only when the cell ends with an expression to show. */
  public record Value(boolean present, Object value) {
    static final Value NONE = new Value(false, null);
  }

  /**
   * Evaluates Java source.
   *
   * @param code the source, possibly many snippets
   * @param where where the code comes from, for error messages: {@code Cell In[4]} or a file name
   * @param firstLine the 1-based line of the cell where {@code code} starts
   * @return the value of the last snippet if it is an expression without trailing {@code ;}
   * @throws CompilationError if a snippet does not compile
   * @throws SnippetException if notebook code throws
   * @throws CellInterruptedException if the user interrupted the cell
   */
  public Value evaluate(String code, String where, int firstLine) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    Value last = Value.NONE;
    String remaining = code;
    int consumed = 0;
    while (true) {
      if (interruptRequested) {
        throw new CellInterruptedException(where);
      }
      int lead = JavaSource.leadingWhitespace(remaining);
      if (lead == remaining.length()) {
        return last;
      }
      CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (info.completeness() == Completeness.EMPTY) {
        return last;
      }
      // Incomplete input is evaluated as it is, so JShell explains what is wrong. JShell cannot
      // classify some valid code (UNKNOWN): cut at the first top-level statement end instead.
      boolean complete = info.completeness().isComplete();
      String source;
      String rest;
      int cut =
          info.completeness() == Completeness.UNKNOWN
              ? JavaSource.firstStatementEnd(remaining)
              : -1;
      // UNKNOWN counts as "complete" in JShell's enum, so the cut is tried first.
      if (cut > 0 && cut < remaining.length()) {
        source = remaining.substring(0, cut).stripLeading();
        rest = remaining.substring(cut);
      } else if (complete) {
        source = info.source().stripLeading();
        rest = info.remaining();
      } else {
        source = remaining.stripLeading();
        rest = "";
      }
      int line = firstLine + JavaSource.lineOf(code, consumed + lead);
      last = evaluateSnippet(source, new SnippetOrigin(where, line));
      consumed += remaining.length() - rest.length();
      remaining = rest;
    }
  }

  private Value evaluateSnippet(String source, SnippetOrigin origin) {
    List<SnippetEvent> events;
    running = true;
    try {
      events = shell.eval(source);
    } finally {
      running = false;
    }
    try {
      Value value = Value.NONE;
      for (SnippetEvent event : events) {
        if (event.causeSnippet() != null) {
          // An earlier snippet updated because of this one; a variable declared again frees
          // the value of its old declaration.
          if (event.status() == Snippet.Status.OVERWRITTEN
              && event.snippet() instanceof VarSnippet variable) {
            control.releaseOverwritten(variable.name());
          }
          continue;
        }
        Snippet snippet = event.snippet();
        origins.put(snippet.id(), origin);
        if (interruptRequested || control.stoppedLastSnippet()) {
          throw new CellInterruptedException(origin.where());
        }
        if (event.status() == Snippet.Status.REJECTED) {
          throw CompilationError.of(source, shell.diagnostics(snippet).toList(), origin);
        }
        JShellException thrown = event.exception();
        if (thrown instanceof EvalException eval) {
          throw SnippetException.of(eval, origins);
        }
        if (thrown instanceof UnresolvedReferenceException unresolved) {
          DeclarationSnippet declaration = unresolved.getSnippet();
          throw new UnresolvedReferenceError(
              declarationName(declaration),
              shell.unresolvedDependencies(declaration).collect(Collectors.toList()),
              origins.get(declaration.id()));
        }
        if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
            || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
          warnUnresolved((DeclarationSnippet) snippet);
        }
        if (event.value() != null && showsValue(snippet) && !JavaSource.endsWithSemicolon(source)) {
          value = new Value(true, control.takeValue(event.value()));
        }
      }
      return value;
    } finally {
      control.forgetValues();
    }
  }

  private static boolean showsValue(Snippet snippet) {
    return switch (snippet.subKind()) {
      case OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND -> true;
      default -> false;
    };
  }

  private void warnUnresolved(DeclarationSnippet declaration) {
    List<String> unresolved =
        shell.unresolvedDependencies(declaration).collect(Collectors.toList());
    if (!unresolved.isEmpty()) {
      System.err.println(
          declarationName(declaration)
              + " is declared, but cannot be used until "
              + String.join(", ", unresolved)
              + " is defined");
    }
  }

  private static String declarationName(DeclarationSnippet declaration) {
    return declaration.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + declaration.name();
  }

  /**
   * Evaluates one declaration or import quietly.
   *
   * @return whether JShell accepted it
   */
  public boolean declare(String source) {
    boolean accepted =
        shell.eval(source).stream()
            .filter(event -> event.causeSnippet() == null)
            .allMatch(event -> event.status() != Snippet.Status.REJECTED);
    control.forgetValues();
    return accepted;
  }

  /**
   * Adds class path entries (separated by the platform's path separator) for compiling and running.
   */
  public void addToClasspath(String classpath) {
    shell.addToClasspath(classpath);
  }

  /** JShell's analysis, for completion, documentation and completeness. */
  public SourceCodeAnalysis analysis() {
    return shell.sourceCodeAnalysis();
  }

  /** The loader of notebook classes and of jars added at run time. */
  public ClassLoader classLoader() {
    return control.classLoader();
  }

  /** Called when a cell starts: an interrupt of an earlier cell must not end this one. */
  public void beginCell() {
    interruptRequested = false;
  }

  /**
   * Interrupts the running cell: the current snippet is stopped and the cell's remaining snippets
   * are skipped. Safe to call from another thread.
   */
  public void interrupt() {
    interruptRequested = true;
    if (running) {
      shell.stop();
    }
  }

  @Override
  public void close() {
    shell.close();
  }
}
