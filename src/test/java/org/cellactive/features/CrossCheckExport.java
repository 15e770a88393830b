package org.cellactive.features;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.cellactive.features.granularity.GranularityFamily;
import org.cellactive.features.intensity.IntensityFamily;
import org.cellactive.imaging.Channel;

/**
 * Not a test: writes real BCCD cells (Gray plane, mask) with this project's Granularity and
 * Gray Intensity values to a little-endian file that
 * {@code docs/validation/crosscheck_cellprofiler.py} reads to recompute them with
 * scikit-image and scipy, CellProfiler's own libraries. Usage:
 * {@code java -cp target/classes:target/test-classes -Dcellactive.bccd=../shared/data/bccd org.cellactive.features.CrossCheckExport IMAGES OUT.bin}
 */
public final class CrossCheckExport {
    private CrossCheckExport() {
    }

    public static void main(String[] args) throws Exception {
        List<BccdCrops.Cell> cells = BccdCrops.firstImages(Integer.parseInt(args[0]));
        GranularityFamily granularity = new GranularityFamily();
        IntensityFamily intensity = new IntensityFamily(List.of(Channel.GRAY));
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[1])))) {
            out.writeInt(Integer.reverseBytes(cells.size()));
            for (BccdCrops.Cell cell : cells) {
                int w = cell.image().width();
                int h = cell.image().height();
                ByteBuffer buffer = ByteBuffer.allocate(8 + w * h * 5 + 8 * (16 + 15)).order(ByteOrder.LITTLE_ENDIAN);
                buffer.putInt(w).putInt(h);
                for (float v : cell.image().gray()) buffer.putFloat(v);
                for (boolean b : cell.mask().inside()) buffer.put((byte) (b ? 1 : 0));
                double[] values = new double[16 + 15];
                granularity.measure(cell.image(), cell.mask(), values, 0);
                intensity.measure(cell.image(), cell.mask(), values, 16);
                for (double v : values) buffer.putDouble(v);
                out.write(buffer.array());
            }
        }
        System.out.println("exported " + cells.size() + " cells to " + args[1]);
    }
}
