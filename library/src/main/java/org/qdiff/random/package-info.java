/**
 * Explicit, reproducible randomness.
 *
 * <p>A random value at a site is a function of (seed, stream, site index) only: a counter-based
 * generator in the manner of Kwant's {@code digest}. Values do not depend on the order in which
 * sites are visited, on the number of threads, or on how the work is chunked, so the same seed
 * gives the same disorder everywhere.
 */
package org.qdiff.random;
