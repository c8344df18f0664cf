package org.qdiff.numeric;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The bridge between qdiff's primitive buffers and ND4J arrays, in double precision.
 *
 * <p>ND4J's default floating type is FLOAT; every entry point that hands out or takes ND4J arrays
 * goes through here, which sets the defaults to DOUBLE once.
 */
public final class Tensors {

  static {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  private Tensors() {}

  /** Ensures ND4J's default data types are DOUBLE (idempotent, cheap). */
  public static void useDoublePrecision() {
    if (Nd4j.defaultFloatingPointType() != DataType.DOUBLE) {
      Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }
  }

  /** A DOUBLE vector holding a copy of {@code values}. */
  public static INDArray vector(double[] values) {
    useDoublePrecision();
    return Nd4j.createFromArray(values.clone());
  }

  /** A DOUBLE array of the given shape holding a copy of {@code values} in row-major order. */
  public static INDArray array(double[] values, int... shape) {
    useDoublePrecision();
    long[] longShape = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      longShape[i] = shape[i];
    }
    return Nd4j.create(values.clone(), longShape, 'c');
  }

  /** The entries of an ND4J array as doubles, row-major. */
  public static double[] toDoubles(INDArray array) {
    return array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }
}
