/**
 * Why an input could not be used: {@link org.cellactive.reject.RejectedException} and its list of
 * stages, the {@code stage} column of every rejects table. A leaf package with no dependencies, so that
 * annotations, imaging, every measurement family and the Spark stages may all import it.
 */
package org.cellactive.reject;
