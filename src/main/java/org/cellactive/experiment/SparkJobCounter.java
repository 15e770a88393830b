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
    private final AtomicLong jobMillis = new AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<Integer, Long> started =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
        stages.addAndGet(jobStart.stageInfos().size());
        started.put(jobStart.jobId(), jobStart.time());
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd jobEnd) {
        Long start = started.remove(jobEnd.jobId());
        if (start != null) {
            jobMillis.addAndGet(jobEnd.time() - start);
        }
    }

    /** Mean time from a job's submission to its end, as the scheduler saw it. */
    public double meanJobMillis() {
        long n = jobs.get();
        return n == 0 ? Double.NaN : (double) jobMillis.get() / n;
    }

    public long jobs() {
        return jobs.get();
    }

    public long stages() {
        return stages.get();
    }
}
