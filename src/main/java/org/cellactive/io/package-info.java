/**
 * Files through Hadoop's FileSystem: the one size-capped read ({@link org.cellactive.io.CappedRead})
 * and the one way a stage's tasks get the driver's Hadoop configuration
 * ({@link org.cellactive.io.HadoopSettings}). Hadoop only, apart from the broadcast helper.
 */
package org.cellactive.io;
