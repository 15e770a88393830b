package org.cellactive.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a command needed, for its manifest's {@code memory}: watched from the moment it is
 * made until {@link #close}. In {@code local[*]} the executors' tasks run in the driver's JVM, so
 * this is the whole run's heap; on a cluster it is the driver's alone.
 *
 * <ul>
 *   <li>{@code heap_after_gc_peak_bytes}: the largest heap in use right after a garbage collection
 *       (every heap pool's usage after it, summed; from the collectors' notifications). Right after a
 *       collection the heap holds what the run still referenced, plus objects the young collections
 *       promoted that died later (they leave only at a mixed or full collection). This is the
 *       number that shows whether memory grows with the archive: it does not depend on how large
 *       the collector lets the young generation grow between collections.</li>
 *   <li>{@code heap_used_peak_bytes}: the heap pools' peak usages, summed (an upper bound: the
 *       pools peak at different moments, and G1 lets the young generation fill whatever the heap
 *       allows before it collects, so this follows {@code -Xmx} more than the run).</li>
 *   <li>{@code heap_max_bytes}, and {@code gc_count}, the collections seen.</li>
 * </ul>
 */
final class HeapPeak implements NotificationListener, AutoCloseable {
    private final AtomicLong afterGcPeak = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final Set<String> heapPools;
    private final List<MemoryPoolMXBean> pools = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    HeapPeak() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
                pools.add(pool);
            }
        }
        heapPools = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this, null, null);
                emitters.add(emitter);
            }
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        collections.incrementAndGet();
        afterGcPeak.accumulateAndGet(used, Math::max);
    }

    /** The figures described above, in bytes. */
    Map<String, Long> figures() {
        long peakUsed = 0;
        for (MemoryPoolMXBean pool : pools) {
            peakUsed += pool.getPeakUsage().getUsed();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("heap_max_bytes", Runtime.getRuntime().maxMemory());
        out.put("heap_after_gc_peak_bytes", afterGcPeak.get());
        out.put("heap_used_peak_bytes", peakUsed);
        out.put("gc_count", collections.get());
        return out;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(this);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
