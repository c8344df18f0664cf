package org.qdiff.kernel.execution;

import java.util.List;

/**
 * An error that knows how it reads in a notebook: the three fields of a Jupyter {@code error}
 * output.
 */
public interface NotebookError {

  /** Jupyter's {@code ename}: a short name, such as {@code ArithmeticException}. */
  String errorName();

  /** Jupyter's {@code evalue}: the message. */
  String errorValue();

  /** Jupyter's {@code traceback}: lines without newlines, ANSI colours allowed. */
  List<String> traceback();
}
