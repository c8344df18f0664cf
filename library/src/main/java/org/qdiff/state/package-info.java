/**
 * States on a lattice: quantum {@link org.qdiff.state.WaveFunction}s and classical {@link
 * org.qdiff.state.Distribution}s.
 *
 * <p><b>Complex layout.</b> ND4J has no complex type, so a wave function stores its values split:
 * one {@code double[]} of real parts and one of imaginary parts, indexed by site (see {@link
 * org.qdiff.lattice.Lattice} for the site numbering), or by {@code site * s + sigma} on a lattice
 * with s internal states, whose spin state a {@link org.qdiff.state.Spinor} gives. ND4J views
 * ({@code real()}, {@code imaginary()}, {@code probabilities()}) are DOUBLE arrays shaped like the
 * box. Only this package and {@code org.qdiff.numeric} read the layout directly; propagators
 * exchange it through {@link org.qdiff.state.StateBuffers}.
 */
package org.qdiff.state;
