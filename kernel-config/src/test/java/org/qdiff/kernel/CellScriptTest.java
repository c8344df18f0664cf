package org.qdiff.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qdiff.kernel.CellScript.CellMagicCall;
import org.qdiff.kernel.CellScript.JavaCode;
import org.qdiff.kernel.CellScript.LineMagicCall;

class CellScriptTest {

  @Test
  void lineMagicsSplitJavaCodeAndKeepLineNumbers() {
    CellScript script = CellScript.parse("int a = 1;\n%maven g:a:1\n\na + 1\n");
    assertEquals(
        List.of(
            new JavaCode("int a = 1;\n", 1),
            new LineMagicCall("maven", "g:a:1", 2),
            new JavaCode("\na + 1\n", 3)),
        script.parts());
  }

  @Test
  void cellMagicTakesTheWholeCell() {
    CellScript script = CellScript.parse("\n%%time\nint s = 0;\n%time s");
    assertEquals(List.of(new CellMagicCall("time", "", "int s = 0;\n%time s", 3)), script.parts());
  }

  @Test
  void moduloAtTheStartOfALineIsJava() {
    CellScript script = CellScript.parse("int r = 7\n  % 3;\nint q = 8\n%2;");
    assertEquals(1, script.parts().size());
  }

  @Test
  void maskingKeepsPositions() {
    String cell = "%time x\nString.valueO";
    String masked = CellScript.maskMagics(cell);
    assertEquals(cell.length(), masked.length());
    assertEquals("       \nString.valueO", masked);
  }

  @Test
  void argumentsSplitAtSpacesAndQuotesGroup() {
    assertEquals(
        List.of("a.jar", "my dir/b.jar", "say \"hi\""),
        CellScript.splitArguments(" a.jar  \"my dir/b.jar\" \"say \\\"hi\\\"\""));
  }
}
