package org.cellactive.learning.labelling;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongSupplier;

/**
 * Wall time of a round's named steps, in the order they were taken: {@link #lap} closes the
 * step that ran since the previous lap (or since the clock started). A step named twice adds up.
 * Not thread-safe: one round, one thread.
 */
public final class StepClock {
    private final LongSupplier nanos;
    private final Map<String, Long> steps = new LinkedHashMap<>();
    private long last;

    public StepClock() {
        this(System::nanoTime);
    }

    StepClock(LongSupplier nanos) {
        this.nanos = nanos;
        this.last = nanos.getAsLong();
    }

    /** Ends the step {@code name} now. */
    public void lap(String name) {
        long now = nanos.getAsLong();
        steps.merge(name, now - last, Long::sum);
        last = now;
    }

    /** The steps' milliseconds, in order. */
    public Map<String, Double> millis() {
        Map<String, Double> out = new LinkedHashMap<>();
        steps.forEach((name, ns) -> out.put(name, ns / 1e6));
        return out;
    }

    public double totalSeconds() {
        return steps.values().stream().mapToLong(Long::longValue).sum() / 1e9;
    }

    /** {@code "read 1.20 s, fit 0.05 s"}. */
    public String describe() {
        StringJoiner out = new StringJoiner(", ");
        steps.forEach((name, ns) -> out.add(String.format(Locale.ROOT, "%s %.2f s", name, ns / 1e9)));
        return out.toString();
    }
}
