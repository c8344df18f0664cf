/**
 * The qdiff Jupyter kernel: Java cells run by JShell in the kernel's JVM, on jjava's Jupyter
 * protocol implementation.
 *
 * <p>{@link org.qdiff.kernel.KernelMain} starts it; {@link org.qdiff.kernel.QdiffKernel} evaluates
 * cells (Java snippets and IJava's magics); {@link org.qdiff.kernel.Notebook} holds the functions
 * notebooks call ({@code display}, {@code updateDisplay}).
 */
package org.qdiff.kernel;
