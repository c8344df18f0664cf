package org.qdiff.kernel.execution;

/**
 * Where a JShell snippet came from, so errors can point at the cell and line the user wrote.
 *
 * @param where the source of the snippet, e.g. {@code Cell In[3]} or a file name
 * @param firstLine the 1-based line of the cell on which the snippet starts
 */
public record SnippetOrigin(String where, int firstLine) {

  /** The location of line {@code snippetLine} (1-based) of the snippet. */
  String describe(int snippetLine) {
    return where + ", line " + (firstLine + Math.max(snippetLine, 1) - 1);
  }
}
