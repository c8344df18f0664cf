/**
 * Progress bars of the library's long tasks, drawn in the running cell and updated in place: the
 * kernel's implementation of {@link org.qdiff.progress.Progress.Factory}.
 */
package org.qdiff.kernel.progress;
