package org.qdiff.propagate;

/** Probability reached the faces of the finite box beyond the threshold the user set. */
public final class BoundaryException extends RuntimeException {

  BoundaryException(String message) {
    super(message);
  }
}
