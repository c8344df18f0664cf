/** Output of the running cell: streamed stdout and stderr, displays and display updates. */
package org.qdiff.kernel.output;
