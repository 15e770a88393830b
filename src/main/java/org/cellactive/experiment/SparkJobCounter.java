package org.cellactive.experiment;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts the Spark jobs a run submits: a machine-independent measure of the loop's cost,
 * since each job carries a fixed scheduling overhead whatever its size.
 */
public final class SparkJobCounter extends SparkListener {

    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong stages = new AtomicLong();

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
        stages.addAndGet(jobStart.stageInfos().size());
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd jobEnd) {
        // counted at start
    }

    public long jobs() {
        return jobs.get();
    }

    public long stages() {
        return stages.get();
    }
}
