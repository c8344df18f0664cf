package org.qdiff.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaSourceTest {

  @Test
  void semicolonCountsOnlyOutsideCommentsAndLiterals() {
    assertTrue(JavaSource.endsWithSemicolon("x;"));
    assertTrue(JavaSource.endsWithSemicolon("x; // shown? no"));
    assertTrue(JavaSource.endsWithSemicolon("x; /* ; */  \n"));
    assertFalse(JavaSource.endsWithSemicolon("x"));
    assertFalse(JavaSource.endsWithSemicolon("x // a comment;"));
    assertFalse(JavaSource.endsWithSemicolon("\"a;\""));
    assertFalse(JavaSource.endsWithSemicolon("';'"));
    assertFalse(JavaSource.endsWithSemicolon("\"\"\"\n  a;\n  \"\"\""));
  }

  @Test
  void linesAndLeadingWhitespace() {
    assertEquals(2, JavaSource.lineOf("a\nb\nc", 4));
    assertEquals(3, JavaSource.leadingWhitespace(" \n\tx"));
  }
}
