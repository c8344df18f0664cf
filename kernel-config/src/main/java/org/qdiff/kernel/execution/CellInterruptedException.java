package org.qdiff.kernel.execution;

import java.util.List;

/** The user interrupted the cell (Kernel &gt; Interrupt); the kernel stays usable. */
public final class CellInterruptedException extends RuntimeException implements NotebookError {

  private static final long serialVersionUID = 1L;

  private final String where;

  CellInterruptedException(String where) {
    super("the cell was interrupted");
    this.where = where;
  }

  @Override
  public String errorName() {
    return "Interrupted";
  }

  @Override
  public String errorValue() {
    return getMessage();
  }

  @Override
  public List<String> traceback() {
    return List.of(
        Ansi.RED + "Interrupted" + Ansi.RESET + ": execution of " + where + " was stopped");
  }
}
