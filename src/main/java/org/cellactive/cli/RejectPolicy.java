package org.cellactive.cli;

import java.util.Locale;

/**
 * When rejects fail an {@code extract} ({@link ExitCodes#REJECTS_EXCEEDED}).
 *
 * <p>By default a few rejects are normal (BCCD has two zero-area boxes): they are listed and
 * counted, and the run succeeds. More than {@code maxFraction} of the items rejected (boxes and
 * whole annotation files, out of measured cells plus rejects) says the inputs or the options are
 * wrong: everything is still written, for inspection, and the exit code says so.
 * {@code failFast} stops at the first reject instead and writes nothing
 * ({@link org.cellactive.features.spark.FailFast}).
 */
record RejectPolicy(double maxFraction, boolean failFast) {

    RejectPolicy {
        if (!(maxFraction >= 0 && maxFraction <= 1)) {
            throw new UsageException("--max-reject-fraction must be between 0 and 1, not " + maxFraction);
        }
    }

    boolean exceeded(long measured, long rejected) {
        long items = measured + rejected;
        return rejected > 0 && (double) rejected / items > maxFraction;
    }

    String summary(long measured, long rejected) {
        return String.format(Locale.ROOT, "%,d of %,d items rejected (%.1f%%), over --max-reject-fraction %s;"
                + " see rejects.parquet", rejected, measured + rejected,
                100.0 * rejected / Math.max(1, measured + rejected), maxFraction);
    }
}
