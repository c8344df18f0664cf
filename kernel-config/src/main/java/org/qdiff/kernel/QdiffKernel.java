package org.qdiff.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.qdiff.kernel.CellScript.CellMagicCall;
import org.qdiff.kernel.CellScript.JavaCode;
import org.qdiff.kernel.CellScript.LineMagicCall;
import org.qdiff.kernel.CellScript.Part;
import org.qdiff.kernel.execution.JShellEvaluator;
import org.qdiff.kernel.execution.NotebookError;
import org.qdiff.kernel.magic.ClasspathMagic;
import org.qdiff.kernel.magic.LoadMagic;
import org.qdiff.kernel.magic.MavenMagic;
import org.qdiff.kernel.magic.MavenResolver;
import org.qdiff.kernel.magic.TimeMagic;
import org.qdiff.kernel.output.CellOutput;
import org.qdiff.kernel.progress.ProgressBars;
import org.qdiff.progress.Progress;

/**
 * The qdiff Jupyter kernel: Java cells evaluated by JShell in this JVM, with the qdiff library,
 * ND4J, Tablesaw and XChart on the classpath.
 *
 * <p>jjava's {@link BaseKernel} speaks the Jupyter protocol; this class decides what a cell means
 * (Java snippets and IJava's magics), how its output streams, and how errors read.
 */
public final class QdiffKernel extends BaseKernel {

  private static final Pattern MAGIC_NAME_AT_CURSOR = Pattern.compile("^\\s*(%{1,2})([\\w-]*)$");

  private final JShellEvaluator evaluator;
  private final KernelClasspath classpath;
  private final CellOutput output;
  private final KernelIO kernelIO;

  /** Line magics that take the rest of their line as typed (code), not split into words. */
  private final Set<String> codeLineMagics = ConcurrentHashMap.newKeySet();

  private Runnable beforeFirstCell; // run once by the shell thread, then null
  private volatile String currentCell = "Cell In[?]";
  private volatile int currentMagicLine = 1;

  private QdiffKernel(
      String version,
      JShellEvaluator evaluator,
      KernelClasspath classpath,
      CellOutput output,
      KernelIO kernelIO) {
    super(
        "qdiff",
        version,
        new LanguageInfo.Builder("java")
            .version(Runtime.version().toString())
            .mimetype("text/x-java-source")
            .fileExtension(".jshell")
            .pygments("java")
            .codemirror("text/x-java")
            .build(),
        List.of(
            new HelpLink("JShell guide", "https://docs.oracle.com/en/java/javase/17/jshell/"),
            new HelpLink("Java tutorials", "https://docs.oracle.com/javase/tutorial/")),
        null,
        kernelIO,
        new CommManager(),
        new Renderer(),
        null,
        new MagicsRegistry(),
        true,
        new StringStyler.Builder()
            .addPrimaryStyle(TextColor.BOLD_RESET_FG)
            .addSecondaryStyle(TextColor.BOLD_RED_FG)
            .addHighlightStyle(TextColor.BOLD_RESET_FG)
            .build());
    this.evaluator = evaluator;
    this.classpath = classpath;
    this.output = output;
    this.kernelIO = kernelIO;
  }

  /**
   * Creates the kernel: starts JShell with the kernel's classpath and the startup imports (with the
   * notebook functions of {@link Notebook}), and registers the magics. Extensions and the progress
   * bars are installed by {@link #onStartup()}.
   *
   * @param version the kernel's version, shown in the front end's kernel info
   * @param output the output of running cells; {@code System.out} and {@code System.err} should be
   *     its streams
   * @param beforeFirstCell runs once before the first cell (waits for the warm-up of ND4J)
   */
  public static QdiffKernel create(String version, CellOutput output, Runnable beforeFirstCell) {
    KernelClasspath classpath = KernelClasspath.ofThisJvm();
    ClassLoader kernelLoader = QdiffKernel.class.getClassLoader();
    JShellEvaluator evaluator = JShellEvaluator.start(kernelLoader, classpath.asString());
    QdiffKernel kernel = new QdiffKernel(version, evaluator, classpath, output, new KernelIO());
    for (String statement : StartupImports.statements(kernelLoader)) {
      if (!evaluator.declare(statement)) {
        // A package that exists but does not compile as an import is left out, not fatal.
        System.err.println("qdiff kernel: skipped startup import '" + statement + "'");
      }
    }
    MavenResolver resolver = new MavenResolver();
    TimeMagic time = new TimeMagic();
    kernel.registerLineMagic("maven", new MavenMagic(resolver), false);
    kernel.registerLineMagic("classpath", new ClasspathMagic("classpath"), false);
    kernel.registerLineMagic("jars", new ClasspathMagic("jars"), false);
    kernel.registerLineMagic("load", new LoadMagic(), false);
    kernel.registerLineMagic("time", time, true);
    kernel.registerCellMagic("time", time);
    return kernel;
  }

  /**
   * Registers a line magic.
   *
   * @param takesCode true if the magic receives the rest of its line as one argument, as typed
   *     ({@code %time}), false if the words are split (quotes group words)
   */
  public void registerLineMagic(String name, LineMagic<?, ?> magic, boolean takesCode) {
    magicsRegistry.registerLineMagic(name, magic);
    if (takesCode) {
      codeLineMagics.add(name);
    } else {
      codeLineMagics.remove(name);
    }
  }

  /** Registers a cell magic ({@code %%name} on the first line of a cell). */
  public void registerCellMagic(String name, CellMagic<?, ?> magic) {
    magicsRegistry.registerCellMagic(name, magic);
  }

  @Override
  public void onStartup() {
    super.onStartup(); // makes this the notebook's kernel and installs extensions
    Progress.install(new ProgressBars(output));
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    Progress.silence();
    super.onShutdown(isRestarting);
    evaluator.close();
  }

  /** Extensions are found by the notebook's class loader, so jars added by magics count too. */
  @Override
  protected ClassLoader getClassLoader() {
    return evaluator.classLoader();
  }

  /** The kernel's own classpath. */
  public KernelClasspath classpath() {
    return classpath;
  }

  /** Where the running code comes from, e.g. {@code Cell In[3]}; for error messages. */
  public String currentCell() {
    return currentCell;
  }

  /**
   * The line where the running magic's code starts: the magic's own line for a line magic, the line
   * below {@code %%name} for a cell magic. Errors in timed or loaded code point there.
   */
  public int currentMagicLine() {
    return currentMagicLine;
  }

  /**
   * Adds jars or class directories to the notebook's classpath (compiling and running), and
   * installs the jjava extensions they contain.
   */
  public void addToClasspath(List<Path> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String joined =
        entries.stream()
            .map(path -> path.toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
    evaluator.addToClasspath(joined);
    if (extensionsEnabled) {
      installExtensions(joined);
    }
  }

  /*
   * ===== Cells =====
   */

  @Override
  public Object evalRaw(String source) {
    return evaluate(source, currentCell, 1);
  }

  /**
   * Evaluates text as a cell: Java snippets and magics in order.
   *
   * @param where the source's name for error messages, e.g. {@code Cell In[3]} or a file name
   * @param firstLine the 1-based line where {@code source} starts within {@code where}
   * @return the value to show, or null when there is nothing to show
   */
  public Object evaluate(String source, String where, int firstLine) {
    Object last = null;
    for (Part part : CellScript.parse(source).parts()) {
      if (part instanceof JavaCode java) {
        JShellEvaluator.Value value =
            evaluator.evaluate(java.source(), where, firstLine + java.firstLine() - 1);
        last = value.present() ? value.value() : null;
      } else if (part instanceof LineMagicCall magic) {
        currentMagicLine = firstLine + magic.line() - 1;
        last = runLineMagic(magic);
      } else if (part instanceof CellMagicCall magic) {
        currentMagicLine = firstLine + magic.bodyFirstLine() - 1;
        last = runCellMagic(magic);
      }
    }
    return last;
  }

  private Object runLineMagic(LineMagicCall call) {
    if (!magicsRegistry.getLineMagicNames().contains(call.name())) {
      throw new IllegalArgumentException(
          "unknown line magic %"
              + call.name()
              + "; the kernel has "
              + new TreeSet<>(magicsRegistry.getLineMagicNames())
                  .stream().map(name -> "%" + name).collect(Collectors.joining(", ")));
    }
    List<String> args =
        codeLineMagics.contains(call.name())
            ? List.of(call.arguments())
            : CellScript.splitArguments(call.arguments());
    try {
      return magicsRegistry.evalLineMagic(this, call.name(), args);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("%" + call.name() + ": " + e.getMessage(), e);
    }
  }

  private Object runCellMagic(CellMagicCall call) {
    if (!magicsRegistry.getCellMagicNames().contains(call.name())) {
      throw new IllegalArgumentException(
          "unknown cell magic %%"
              + call.name()
              + "; the kernel has "
              + new TreeSet<>(magicsRegistry.getCellMagicNames())
                  .stream().map(name -> "%%" + name).collect(Collectors.joining(", ")));
    }
    try {
      return magicsRegistry.evalCellMagic(
          this, call.name(), CellScript.splitArguments(call.arguments()), call.body());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("%%" + call.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs an execute request. Differs from jjava's in three ways: stdout and stderr stream while the
   * cell runs; output of background threads cannot arrive after the reply; errors keep the real
   * exception name and a traceback that points at cell lines.
   */
  @Override
  protected synchronized void handleExecuteRequest(
      ShellReplyEnvironment env, Message<ExecuteRequest> message) {
    commManager.setMessageContext(message);
    ExecuteRequest request = message.getContent();
    int count = executionCount.getAndIncrement();
    env.setBusyDeferIdle();
    env.publish(new PublishExecuteInput(request.getCode(), count));

    if (beforeFirstCell != null) {
      beforeFirstCell.run();
      beforeFirstCell = null;
    }
    currentCell = "Cell In[" + count + "]";
    kernelIO.attach(env, request.isStdinEnabled());
    output.open(env);
    evaluator.beginCell();
    try {
      DisplayData result = eval(request.getCode());
      output.close();
      if (result != null && !request.isSilent()) {
        env.publish(new PublishExecuteResult(count, result));
      }
      env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
    } catch (Throwable thrown) {
      output.close();
      ErrorDescription error = describe(thrown);
      env.publish(new PublishError(error.name(), error.value(), error.traceback()));
      ErrorReply reply = new ErrorReply(error.name(), error.value(), error.traceback());
      reply.setExecutionCount(count);
      env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    } finally {
      kernelIO.detach(env);
    }
  }

  private record ErrorDescription(String name, String value, List<String> traceback) {}

  private static ErrorDescription describe(Throwable thrown) {
    if (thrown instanceof NotebookError error) {
      return new ErrorDescription(error.errorName(), error.errorValue(), error.traceback());
    }
    // Errors of the kernel's own code (magics, renderers): the messages matter, not kernel frames.
    List<String> traceback = new ArrayList<>();
    String name = thrown.getClass().getSimpleName();
    String value = thrown.getMessage() == null ? "" : thrown.getMessage();
    traceback.add("\u001b[1;31m" + name + "\u001b[0m: " + value);
    for (Throwable cause = thrown.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      traceback.add("Caused by: " + cause);
    }
    return new ErrorDescription(name, value, traceback);
  }

  @Override
  public void display(DisplayData data) {
    output.display(data);
  }

  /** Replaces an earlier display that has the same display id. */
  public void updateDisplay(DisplayData data) {
    output.updateDisplay(data);
  }

  @Override
  public void interrupt() {
    evaluator.interrupt();
  }

  /*
   * ===== Editing help: completion, inspection, completeness =====
   */

  /*
   * Jupyter counts cursor positions in Unicode code points, Java strings in UTF-16 units; they
   * differ after characters outside the Basic Multilingual Plane (emoji, some math letters).
   */

  private static int toStringIndex(String code, int codePoints) {
    int clamped = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
    return code.offsetByCodePoints(0, clamped);
  }

  private static int toCodePoints(String code, int index) {
    return code.codePointCount(0, Math.max(0, Math.min(index, code.length())));
  }

  @Override
  public ReplacementOptions complete(String code, int cursor) {
    ReplacementOptions options = completeAt(code, toStringIndex(code, cursor));
    return new ReplacementOptions(
        options.getReplacements(),
        toCodePoints(code, options.getSourceStart()),
        toCodePoints(code, options.getSourceEnd()));
  }

  private ReplacementOptions completeAt(String code, int at) {
    int lineStart = code.lastIndexOf('\n', Math.max(at - 1, 0)) + 1;
    if (at == 0) {
      lineStart = 0;
    }
    Matcher magic = MAGIC_NAME_AT_CURSOR.matcher(code.substring(lineStart, at));
    if (magic.matches()) {
      String percent = magic.group(1);
      List<String> names =
          new TreeSet<>(
                  percent.equals("%%")
                      ? magicsRegistry.getCellMagicNames()
                      : magicsRegistry.getLineMagicNames())
              .stream()
                  .filter(name -> name.startsWith(magic.group(2)))
                  .map(name -> percent + name)
                  .toList();
      return new ReplacementOptions(names, at - percent.length() - magic.group(2).length(), at);
    }
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions =
        evaluator.analysis().completionSuggestions(CellScript.maskMagics(code), at, anchor);
    List<String> options =
        suggestions.stream()
            .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
            .map(SourceCodeAnalysis.Suggestion::continuation)
            .distinct()
            .toList();
    return new ReplacementOptions(options, anchor[0], at);
  }

  @Override
  public DisplayData inspect(String code, int cursor, boolean extraDetail) {
    int at = toStringIndex(code, cursor);
    String masked = CellScript.maskMagics(code);
    // Inspect the whole identifier under the cursor, and a method if a '(' follows it.
    int end = Math.min(at, masked.length());
    while (end < masked.length() && Character.isJavaIdentifierPart(masked.charAt(end))) {
      end++;
    }
    int next = end;
    while (next < masked.length() && Character.isWhitespace(masked.charAt(next))) {
      next++;
    }
    if (next < masked.length() && masked.charAt(next) == '(') {
      end = next + 1;
    }
    List<SourceCodeAnalysis.Documentation> docs =
        evaluator.analysis().documentation(masked, end, true);
    if (docs == null || docs.isEmpty()) {
      return null;
    }
    String text =
        docs.stream()
            .map(
                doc ->
                    doc.javadoc() == null
                        ? doc.signature()
                        : doc.signature() + "\n\n" + doc.javadoc())
            .collect(Collectors.joining("\n\n"));
    return new DisplayData(text);
  }

  @Override
  public String isComplete(String code) {
    if (CellScript.parse(code).parts().stream().anyMatch(part -> part instanceof CellMagicCall)) {
      return IS_COMPLETE_YES; // the body of a cell magic is the magic's business
    }
    SourceCodeAnalysis analysis = evaluator.analysis();
    String masked = CellScript.maskMagics(code);
    CompletionInfo info = analysis.analyzeCompletion(masked);
    while (info.completeness().isComplete() && !info.remaining().isBlank()) {
      info = analysis.analyzeCompletion(info.remaining());
    }
    return switch (info.completeness()) {
      case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
      case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> indentationAfter(masked);
      case UNKNOWN -> IS_COMPLETE_BAD;
    };
  }

  /** The indentation of the next line: that of the last line, one level deeper after an opener. */
  static String indentationAfter(String incomplete) {
    String lastLine = incomplete.substring(incomplete.lastIndexOf('\n') + 1);
    String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
    String trimmed = lastLine.strip();
    boolean opens = trimmed.endsWith("{") || trimmed.endsWith("(") || trimmed.endsWith("->");
    return opens ? indent + "    " : indent;
  }

  @Override
  public String getBanner() {
    return String.format(
        Locale.ROOT,
        "qdiff %s :: Java %s :: JShell in the kernel's JVM",
        version,
        Runtime.version());
  }
}
