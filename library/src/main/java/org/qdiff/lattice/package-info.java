/**
 * Geometry: finite boxes of Z^d standing in for the infinite lattice, and general graphs.
 *
 * <p>A {@link org.qdiff.lattice.Lattice} numbers its sites 0..N-1. On a box, sites are numbered
 * row-major (the last axis is contiguous) and coordinates are centred: along an axis of length L
 * they run from {@code -floor(L/2)} to {@code ceil(L/2) - 1}, so the origin 0 of Z^d is a site (the
 * one the delta state (7) of the text sits on). Each axis is open (the wave function vanishes
 * outside the box) or periodic (a torus; distances use the minimum image). Graphs (cycle, path,
 * complete graph, hypercube, an edge list) carry their adjacency and measure distance along edges.
 *
 * <p>A box may carry s internal states per site ({@code internalStates(s)}, e.g. a spin 1/2): its
 * Hilbert space has {@code states() = N s} basis states {@code |x, sigma>}, indexed {@code x * s +
 * sigma}, while sites, coordinates and distances remain those of the N sites.
 */
package org.qdiff.lattice;
