package org.qdiff.kernel.execution;

/** Small lexical questions about Java source text that JShell's analysis does not answer. */
final class JavaSource {

  private JavaSource() {}

  /**
   * Whether the snippet's code, ignoring comments and whitespace, ends with a semicolon.
   *
   * <p>The kernel follows IPython here: the value of a cell's last expression is shown unless the
   * expression is closed by {@code ;}. JShell accepts {@code x} and {@code x;} alike, so the text
   * is the only place where the difference is visible.
   */
  static boolean endsWithSemicolon(String source) {
    return lastSignificantChar(source) == ';';
  }

  /** The last character outside comments that is not whitespace, or 0 when there is none. */
  static char lastSignificantChar(String source) {
    char last = 0;
    int i = 0;
    while (i < source.length()) {
      int next = skipCommentOrLiteral(source, i);
      if (next > i) {
        char c = source.charAt(i);
        if (c == '"' || c == '\'') {
          last = c; // a literal is significant, a comment is not
        }
        i = next;
      } else {
        if (!Character.isWhitespace(source.charAt(i))) {
          last = source.charAt(i);
        }
        i++;
      }
    }
    return last;
  }

  /**
   * If a comment or a string, text-block or char literal starts at {@code i}, the index just after
   * it; otherwise {@code i}.
   */
  private static int skipCommentOrLiteral(String source, int i) {
    int n = source.length();
    char c = source.charAt(i);
    if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
      int newline = source.indexOf('\n', i);
      return newline < 0 ? n : newline;
    }
    if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
      int close = source.indexOf("*/", i + 2);
      return close < 0 ? n : close + 2;
    }
    if (source.startsWith("\"\"\"", i)) {
      int close = source.indexOf("\"\"\"", i + 3);
      return close < 0 ? n : close + 3;
    }
    if (c == '"' || c == '\'') {
      return endOfLiteral(source, i, c);
    }
    return i;
  }

  private static int endOfLiteral(String source, int start, char quote) {
    int i = start + 1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote || c == '\n') {
        return i + 1;
      } else {
        i++;
      }
    }
    return source.length();
  }

  /**
   * End (exclusive) of the first top-level statement: the first {@code ;} outside brackets, strings
   * and comments, or a closing {@code }} at depth 0 that ends a line and is not followed by {@code
   * ;}, {@code else}, {@code catch}, {@code finally} or {@code while}. Returns -1 when there is
   * none.
   *
   * <p>JShell's completeness analysis answers UNKNOWN for some valid code (a switch expression with
   * {@code default -> throw ...}); without a cut, the rest of the cell would be handed to JShell as
   * one snippet and dropped or rejected. This lexical cut separates the statements again.
   */
  static int firstStatementEnd(String source) {
    int depth = 0;
    int i = 0;
    while (i < source.length()) {
      int next = skipCommentOrLiteral(source, i);
      if (next > i) {
        i = next;
        continue;
      }
      char c = source.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (c == '}' && depth == 0 && endsBlockStatement(source, i + 1)) {
          return i + 1;
        }
      } else if (c == ';' && depth == 0) {
        return i + 1;
      }
      i++;
    }
    return -1;
  }

  /** After a closing brace at depth 0: does the statement end here? */
  private static boolean endsBlockStatement(String source, int from) {
    int i = from;
    while (i < source.length() && source.charAt(i) != '\n') {
      if (!Character.isWhitespace(source.charAt(i))) {
        return false; // more on the same line: e.g. "};" or "} else {"
      }
      i++;
    }
    String next = source.substring(Math.min(i, source.length())).stripLeading();
    for (String continuation : new String[] {";", "else", "catch", "finally", "while", ".", ")"}) {
      if (next.startsWith(continuation)) {
        return false;
      }
    }
    return true;
  }

  /** Number of whitespace characters at the start of {@code text}. */
  static int leadingWhitespace(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Zero-based line of the character at {@code offset}. */
  static int lineOf(String text, int offset) {
    int line = 0;
    int end = Math.min(offset, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
