/**
 * Numerical kernels on primitive buffers: the hot paths of qdiff.
 *
 * <p>Complex vectors are stored split, as two {@code double[]} of equal length (real parts,
 * imaginary parts); see {@link org.qdiff.numeric.ComplexVectors}. Hamiltonians are applied
 * matrix-free by {@link org.qdiff.numeric.SparseOperator} implementations: a stencil for hypercubic
 * boxes (no index arrays at all), band rows for band matrices on a chain ({@link
 * org.qdiff.numeric.BandRows}), complex matrices on the bonds of a box with internal states ({@link
 * org.qdiff.numeric.LinkStencil}: magnetic flux, spin-orbit coupling) and compressed sparse rows
 * for everything else. Chebyshev coefficients and recurrences live in {@link
 * org.qdiff.numeric.Chebyshev}, estimates of the spectral interval from a few Lanczos steps in
 * {@link org.qdiff.numeric.Lanczos}, dense exact diagonalization in {@link
 * org.qdiff.numeric.DenseEigen}.
 *
 * <p>The stencil's row interiors run in SIMD lanes ({@link org.qdiff.numeric.StencilLanes}) when
 * the JVM has the module {@code jdk.incubator.vector}, and in scalar loops otherwise; both give the
 * same bits ({@link org.qdiff.numeric.SparseOperator#vectorLanes()} tells which).
 *
 * <p>Methods here take explicit output buffers, never allocate per call on the hot path, and assume
 * valid input: validation happens in the builders that the user calls. Work is split over {@link
 * org.qdiff.numeric.Parallel}'s pool in fixed blocks, and reductions add block partial sums in
 * block order, so results are bit-identical for any number of threads.
 */
package org.qdiff.numeric;
