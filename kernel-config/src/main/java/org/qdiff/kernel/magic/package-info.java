/**
 * IJava's magics, run by the kernel between the Java snippets of a cell: {@code %maven}, {@code
 * %classpath}, {@code %jars}, {@code %load}, {@code %time} and {@code %%time}.
 */
package org.qdiff.kernel.magic;
