package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapPeakTest {

    @Test
    void theAfterCollectionPeakSeesWhatARunKept() throws InterruptedException {
        Map<String, Long> figures;
        try (HeapPeak heap = new HeapPeak()) {
            byte[][] kept = new byte[64][];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = new byte[1 << 20];
            }
            System.gc();
            Thread.sleep(500); // collection notifications arrive on a JMX thread
            figures = heap.figures();
            assertTrue(kept[63].length > 0);
        }
        assertEquals(List.of("heap_max_bytes", "heap_after_gc_peak_bytes", "heap_used_peak_bytes", "gc_count"),
                List.copyOf(figures.keySet()));
        assertTrue(figures.get("gc_count") >= 1, figures.toString());
        assertTrue(figures.get("heap_after_gc_peak_bytes") >= 64L << 20, "64 MiB were still referenced: " + figures);
        assertTrue(figures.get("heap_after_gc_peak_bytes") <= figures.get("heap_max_bytes"), figures.toString());
        assertTrue(figures.get("heap_used_peak_bytes") >= figures.get("heap_after_gc_peak_bytes"), figures.toString());
    }
}
