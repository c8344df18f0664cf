/**
 * Renderers of qdiff results in the notebook: Tablesaw tables, XChart charts and wave functions.
 * Installed by {@link org.qdiff.kernel.display.QdiffDisplayExtension}, a jjava {@code Extension}.
 */
package org.qdiff.kernel.display;
