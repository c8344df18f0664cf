package org.qdiff.kernel.execution;

/** ANSI colours of tracebacks; Jupyter front ends render them like a terminal does. */
final class Ansi {
  static final String RED = "\u001b[1;31m";
  static final String GREEN = "\u001b[32m";
  static final String CYAN = "\u001b[36m";
  static final String RESET = "\u001b[0m";

  private Ansi() {}
}
