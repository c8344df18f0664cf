package org.qdiff.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColumnsTest {

  @Test
  void columnNamesAreTheStableSnakeCaseWords() {
    assertEquals("t", Columns.TIME);
    assertEquals("msd", Columns.MSD);
    assertEquals("msd_sem", Columns.MSD_SEM);
    assertEquals("return_probability", Columns.RETURN_PROBABILITY);
    assertEquals("norm", Columns.NORM);
    assertEquals("participation_ratio", Columns.PARTICIPATION_RATIO);
    assertEquals("ipr", Columns.INVERSE_PARTICIPATION_RATIO);
    assertEquals("entropy", Columns.ENTROPY);
    assertEquals("energy", Columns.ENERGY);
    assertEquals("boundary_weight", Columns.BOUNDARY_WEIGHT);
    assertEquals("x", Columns.POSITION);
    assertEquals("p", Columns.PROBABILITY);
  }

  @Test
  void msdAxisNamesTheThreeAxesXYZ() {
    assertEquals("msd_x", Columns.msdAxis(0));
    assertEquals("msd_y", Columns.msdAxis(1));
    assertEquals("msd_z", Columns.msdAxis(2));
  }

  @Test
  void msdAxisRejectsAxesOutsideZeroToTwoNamingAxisAndRange() {
    for (int axis : new int[] {-1, 3}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Columns.msdAxis(axis));
      assertTrue(e.getMessage().contains("Columns.msdAxis"), e.getMessage());
      assertTrue(e.getMessage().contains("axis"), e.getMessage());
      assertTrue(e.getMessage().contains("[0, 2]"), e.getMessage());
      assertTrue(e.getMessage().endsWith("got " + axis), e.getMessage());
    }
  }
}
