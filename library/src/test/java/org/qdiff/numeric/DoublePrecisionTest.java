package org.qdiff.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.qdiff.lattice.Lattice;
import org.qdiff.state.WaveFunction;

class DoublePrecisionTest {

  @Test
  void nd4jArraysAreDoublePrecision() {
    WaveFunction psi = WaveFunction.delta(Lattice.square(4).build());
    assertEquals(DataType.DOUBLE, psi.real().dataType());
    assertEquals(DataType.DOUBLE, psi.probabilities().dataType());
    assertEquals(DataType.DOUBLE, Nd4j.defaultFloatingPointType());
    // A value that float would round: 1 + 2^-40 survives only in double precision.
    double tiny = 1 + Math.pow(2, -40);
    assertEquals(tiny, Tensors.vector(new double[] {tiny}).getDouble(0), 0.0);
  }
}
