package org.qdiff.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell split into what runs where: Java code goes to JShell, magics to the kernel.
 *
 * <p>A cell whose first line starts with {@code %%name} is a cell magic, and the rest of the cell
 * is its body. Otherwise every line that starts with {@code %name} (after indentation) is a line
 * magic, run in order between the Java code around it. Magics run in the kernel, not inside JShell,
 * so a magic can itself evaluate code ({@code %time}, {@code %load}) or change the classpath while
 * no snippet is running.
 */
record CellScript(List<Part> parts) {

  private static final Pattern LINE_MAGIC = Pattern.compile("^[ \\t]*%(?!%)([A-Za-z][\\w-]*)(.*)$");
  private static final Pattern CELL_MAGIC = Pattern.compile("^[ \\t]*%%([A-Za-z][\\w-]*)(.*)$");

  /** One part of a cell. */
  sealed interface Part permits JavaCode, LineMagicCall, CellMagicCall {}

  /**
   * Java source starting at a line of the cell.
   *
   * @param firstLine 1-based
   */
  record JavaCode(String source, int firstLine) implements Part {}

  /**
   * {@code %name arguments}.
   *
   * @param arguments the rest of the line, as typed
   * @param line 1-based
   */
  record LineMagicCall(String name, String arguments, int line) implements Part {}

  /**
   * {@code %%name arguments} and the lines below it.
   *
   * @param bodyFirstLine 1-based line of the cell where the body starts
   */
  record CellMagicCall(String name, String arguments, String body, int bodyFirstLine)
      implements Part {}

  static CellScript parse(String cell) {
    List<String> lines = cell.lines().toList();
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first < lines.size()) {
      Matcher cellMagic = CELL_MAGIC.matcher(lines.get(first));
      if (cellMagic.matches()) {
        String body = String.join("\n", lines.subList(first + 1, lines.size()));
        return new CellScript(
            List.of(
                new CellMagicCall(
                    cellMagic.group(1), cellMagic.group(2).strip(), body, first + 2)));
      }
    }

    List<Part> parts = new ArrayList<>();
    StringBuilder java = new StringBuilder();
    int javaFirstLine = 1;
    for (int i = 0; i < lines.size(); i++) {
      Matcher lineMagic = LINE_MAGIC.matcher(lines.get(i));
      if (lineMagic.matches()) {
        if (!java.toString().isBlank()) {
          parts.add(new JavaCode(java.toString(), javaFirstLine));
        }
        java.setLength(0);
        javaFirstLine = i + 2;
        parts.add(new LineMagicCall(lineMagic.group(1), lineMagic.group(2).strip(), i + 1));
      } else {
        java.append(lines.get(i)).append('\n');
      }
    }
    if (!java.toString().isBlank()) {
      parts.add(new JavaCode(java.toString(), javaFirstLine));
    }
    return new CellScript(parts);
  }

  /**
   * The cell with every magic line blanked out (same length, so positions stay valid), for JShell's
   * completion and analysis, which do not know magics.
   */
  static String maskMagics(String cell) {
    StringBuilder masked = new StringBuilder(cell.length());
    int start = 0;
    boolean firstCodeLine = true;
    while (start <= cell.length()) {
      int end = cell.indexOf('\n', start);
      String line = cell.substring(start, end < 0 ? cell.length() : end);
      boolean magic =
          LINE_MAGIC.matcher(line).matches()
              || (firstCodeLine && CELL_MAGIC.matcher(line).matches());
      masked.append(magic ? " ".repeat(line.length()) : line);
      if (!line.isBlank()) {
        firstCodeLine = false;
      }
      if (end < 0) {
        break;
      }
      masked.append('\n');
      start = end + 1;
    }
    return masked.toString();
  }

  /**
   * Splits magic arguments at whitespace; double quotes group words, a backslash escapes a quote.
   */
  static List<String> splitArguments(String arguments) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (int i = 0; i < arguments.length(); i++) {
      char c = arguments.charAt(i);
      if (c == '\\' && i + 1 < arguments.length() && arguments.charAt(i + 1) == '"') {
        word.append('"');
        inWord = true;
        i++;
      } else if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
