package org.cellactive.features;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.cellactive.features.color.ColorFamily;
import org.cellactive.features.granularity.GranularityFamily;
import org.cellactive.features.intensity.IntensityFamily;
import org.cellactive.features.texture.TextureFamily;

/**
 * Not a test: prints the CPU cost of each measurement family per BCCD cell (thread CPU
 * time, so other processes on the machine inflate it less than wall time would).
 * Run after {@code mvn -o -q test-compile}:
 * {@code java -cp target/classes:target/test-classes -Dcellactive.bccd=../shared/data/bccd org.cellactive.features.FamilyCostBenchmark [images]}
 */
public final class FamilyCostBenchmark {
    private FamilyCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 410;
        List<BccdCrops.Cell> cells = BccdCrops.firstImages(images);
        long pixels = cells.stream().mapToLong(c -> c.image().pixelCount()).sum();
        System.out.printf("%d cells, mean crop %d pixels%n", cells.size(), pixels / cells.size());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MeasurementFamily[] families = {
            new IntensityFamily(), new TextureFamily(), new ColorFamily(), new GranularityFamily(),
        };
        for (MeasurementFamily family : families) {
            double[] out = new double[family.columns().size()];
            for (int warm = 0; warm < 2; warm++) {
                for (BccdCrops.Cell cell : cells) family.measure(cell.image(), cell.mask(), out, 0);
            }
            int repeats = 3;
            long start = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < repeats; r++) {
                for (BccdCrops.Cell cell : cells) family.measure(cell.image(), cell.mask(), out, 0);
            }
            double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / repeats / cells.size();
            System.out.printf("%-12s %4d columns %8.1f us/cell %8.0f cells/s/core%n",
                    family.name(), family.columns().size(), micros, 1e6 / micros);
        }
    }
}
