/**
 * Evaluation of Java cells with JShell inside the kernel's JVM: the execution engine that keeps
 * values as objects and can stop a running snippet, the class loader of notebook code, and the
 * errors as they are shown in a notebook.
 */
package org.qdiff.kernel.execution;
