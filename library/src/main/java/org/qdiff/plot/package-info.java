/**
 * Charts of qdiff results with XChart: line plots of result tables and heat maps of fields on a 2D
 * box, checked before they are drawn.
 *
 * <p><b>Builders.</b> {@link org.qdiff.plot.Plot} makes builders that share the self-typed base
 * {@link org.qdiff.plot.PlotBuilder} (title, axis labels, size); {@code build()} returns a plain
 * XChart chart ({@link org.knowm.xchart.XYChart} or {@link org.knowm.xchart.HeatMapChart}) that the
 * notebook kernel renders as PNG when it is the last expression of a cell, and that {@link
 * org.qdiff.plot.Plot#save} writes as PNG and SVG. The library knows nothing about Jupyter.
 *
 * <p><b>Checked data.</b> XChart accepts any numbers and fails, or draws nothing, only when it
 * paints, which in a notebook happens after the cell has finished. So every builder method checks
 * what it is given at once: columns exist and are numeric, values are finite, and values on a
 * logarithmic axis are positive (a run tabulates t = 0, where the mean squared displacement is 0;
 * the message says to drop that row). Messages name the plot method, the column and the first bad
 * row, as everywhere in qdiff.
 *
 * <p><b>Reference curves.</b> Exact or asymptotic laws, such as ballistic spreading 2dt^2 of the
 * free lattice or the Gaussian profile (12), are given as functions and evaluated on a fine grid
 * over the data's x range, log-spaced on a logarithmic x axis so that they are smooth across
 * decades.
 *
 * <p><b>Error bars.</b> Disorder and trajectory averages carry standard errors: {@code errorBars()}
 * draws y ± the {@code _sem} column that an ensemble's mean writes beside each value (or named
 * columns), in the series' colour, and {@code lines(false)} shows measured points without
 * connecting lines. Bars are checked like values: finite, non-negative, and above zero on a
 * logarithmic axis.
 *
 * <p><b>Heat maps.</b> A value per site of a 2D box is drawn with x1 to the right and x2 upwards in
 * centred coordinates; large boxes are averaged over blocks so that painting stays fast.
 */
package org.qdiff.plot;
