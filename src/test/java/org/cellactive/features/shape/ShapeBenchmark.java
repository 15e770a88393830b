package org.cellactive.features.shape;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.cellactive.features.family.MeasurementFamily;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;

/**
 * Cost per cell of the shape families on real BCCD masks (not a test; run by hand):
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/classes:target/test-classes org.cellactive.features.shape.ShapeBenchmark ../shared/data/bccd 100
 * </pre>
 * Times are this thread's CPU time, so other processes on a shared machine inflate
 * them less than wall-clock time; the first rounds are JIT warm-up.
 */
public final class ShapeBenchmark {
    private static final Pattern BOX = Pattern.compile(
            "<xmin>(\\d+)</xmin>\\s*<ymin>(\\d+)</ymin>\\s*<xmax>(\\d+)</xmax>\\s*<ymax>(\\d+)</ymax>");

    private ShapeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        File root = new File(args[0]);
        int images = Integer.parseInt(args[1]);
        File[] annotations = new File(root, "BCCD/Annotations").listFiles((dir, name) -> name.endsWith(".xml"));
        if (annotations == null) throw new IOException("no BCCD/Annotations under " + root);
        Arrays.sort(annotations);
        List<ObjectMask> masks = new ArrayList<>();
        long pixels = 0;
        for (int i = 0; i < Math.min(images, annotations.length); i++) {
            String image = annotations[i].getName().replace(".xml", "");
            BufferedImage img = ImageIO.read(BccdCells.imageFile(root, image));
            Matcher m = BOX.matcher(Files.readString(annotations[i].toPath()));
            while (m.find()) {
                int[] box = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))};
                if (box[2] < box[0] || box[3] < box[1]) continue;
                ObjectMask mask = BccdCells.mask(img, box);
                if (mask.area() == 0) continue;
                masks.add(mask);
                pixels += (long) mask.width() * mask.height();
            }
        }
        System.out.printf("%d cells, mean crop %d pixels%n", masks.size(), pixels / masks.size());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (MeasurementFamily family : new MeasurementFamily[] {new AreaShapeFamily(), new ZernikeFamily()}) {
            double[] out = new double[family.columns().size()];
            List<CellImage> blanks = new ArrayList<>();
            for (ObjectMask mask : masks) blanks.add(ShapeMasks.blankFor(mask));
            for (int round = 0; round < 6; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int k = 0; k < masks.size(); k++) {
                    family.measure(blanks.get(k), masks.get(k), out, 0);
                    sink += out[0];
                }
                double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
                System.out.printf("%s round %d: %.1f us/cell, %.0f cells/s per core%n",
                        family.name(), round, seconds * 1e6 / masks.size(), masks.size() / seconds);
            }
        }
        System.out.println("(checksum " + sink + ")");
    }
}
