package org.qdiff.state;

import org.qdiff.lattice.Lattice;

/**
 * Mutable split complex buffers of one state, for propagators: the layout of {@link WaveFunction}
 * made writable. Public code outside propagators works with immutable wave functions.
 */
public final class StateBuffers {

  /** Real parts, indexed by site (by state index {@code x * s + sigma} with internal states). */
  public final double[] re;

  /** Imaginary parts, indexed by site. */
  public final double[] im;

  private final Lattice lattice;

  /** Zero buffers on a lattice. */
  public StateBuffers(Lattice lattice) {
    this.lattice = lattice;
    this.re = new double[lattice.states()];
    this.im = new double[lattice.states()];
  }

  StateBuffers(Lattice lattice, double[] re, double[] im) {
    this.lattice = lattice;
    this.re = re;
    this.im = im;
  }

  /** The lattice. */
  public Lattice lattice() {
    return lattice;
  }

  /** Copies a wave function into these buffers. */
  public void load(WaveFunction psi) {
    System.arraycopy(psi.re, 0, re, 0, re.length);
    System.arraycopy(psi.im, 0, im, 0, im.length);
  }

  /**
   * A wave function that shares these buffers (no copy): valid only until the buffers change. Lets
   * an evolution measure observables at an output time without allocating a state.
   */
  public WaveFunction view() {
    return new WaveFunction(lattice, re, im);
  }

  /**
   * An immutable wave function made of these buffers themselves (no copy), for the end of a run:
   * the caller must drop these buffers and never write to them again.
   */
  public WaveFunction handOver() {
    return new WaveFunction(lattice, re, im);
  }

  /** An immutable wave function holding a copy of the buffers. */
  public WaveFunction snapshot() {
    return new WaveFunction(lattice, re.clone(), im.clone());
  }
}
