/**
 * Analysis of results: spreading exponents and regimes (Figure 3) and the Gaussian profile of Eq.
 * (12) (Figure 5).
 *
 * <p>{@link org.qdiff.analysis.Spreading} fits log MSD against log t over a window: the exponent
 * alpha of {@code MSD ~ t^alpha} is 2 for ballistic, 1 for diffusive and 0 for trapped motion.
 * {@link org.qdiff.analysis.Gaussian} gives the density {@code f_{sigma^2}(x)} to compare a profile
 * with. {@link org.qdiff.analysis.Backscattering} measures the coherent backscattering peak of a
 * momentum distribution against the diffuse background (weak localization).
 */
package org.qdiff.analysis;
