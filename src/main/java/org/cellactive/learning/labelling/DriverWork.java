package org.cellactive.learning.labelling;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, bounded pool of daemon threads for a round's driver-side work that splits into
 * independent pieces: the cross-validation's folds and the batch's images. Its size is the
 * driver's processor count (capped), so it cannot flood a shared machine; {@link #inline()}
 * runs every piece on the calling thread, in order, which gives the same results (tests
 * compare the two).
 */
public final class DriverWork implements AutoCloseable {
    /** No round has more independent pieces than this worth running at once. */
    static final int MAX_THREADS = 4;

    private final ExecutorService pool;
    private final Executor executor;

    private DriverWork(ExecutorService pool, Executor executor) {
        this.pool = pool;
        this.executor = executor;
    }

    /** A pool of min(available processors, {@value #MAX_THREADS}) threads. */
    public static DriverWork pooled() {
        return pooled(Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())));
    }

    public static DriverWork pooled(int threads) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cellactive-driver-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new DriverWork(pool, pool);
    }

    /** Every piece on the calling thread, when it is handed over. */
    public static DriverWork inline() {
        return new DriverWork(null, Runnable::run);
    }

    public Executor executor() {
        return executor;
    }

    /** The future's value; its failure rethrown as it was thrown (unchecked) on the worker. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
