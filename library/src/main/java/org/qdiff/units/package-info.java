/**
 * Physical units around the lattice models: SI constants ({@link org.qdiff.units.Units}) and free
 * particles ({@link org.qdiff.units.FreeParticle}) with the exact spreading of a Gaussian packet,
 * {@code sigma(t) = sigma0 sqrt(1 + (hbar t / 2 m sigma0^2)^2)}, in SI or in lattice units (hbar =
 * 1, spacing 1, where hopping J on a fine lattice is a particle of mass 1 / (2 J)).
 */
package org.qdiff.units;
