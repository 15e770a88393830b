package org.cellactive.features;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;

/**
 * Real BCCD cells for the measurement tests: box crops of the first images, with a crude
 * mask (pixels darker than the crop's mean gray). The mask only has to be a realistic,
 * irregular object; segmentation proper is not under test here. The VOC files are the
 * project's own fixture data, read with a regular expression (test code only).
 */
public final class BccdCrops {
    private static final Pattern OBJECT = Pattern.compile(
            "<name>(\\w+)</name>.*?<xmin>(\\d+)</xmin>\\s*<ymin>(\\d+)</ymin>\\s*<xmax>(\\d+)</xmax>\\s*<ymax>(\\d+)</ymax>",
            Pattern.DOTALL);

    /** One annotated cell: its class, crop and mask. */
    public record Cell(String cellType, CellImage image, ObjectMask mask) {
    }

    private BccdCrops() {
    }

    public static List<Cell> firstImages(int images) throws IOException {
        Path root = Path.of(System.getProperty("cellactive.bccd", "../shared/data/bccd"), "BCCD");
        if (!Files.isDirectory(root.resolve("JPEGImages"))) {
            throw new IOException("BCCD data not found under " + root + " (set -Dcellactive.bccd)");
        }
        List<Cell> cells = new ArrayList<>();
        for (int n = 0; n < images; n++) {
            String id = String.format("BloodImage_%05d", n);
            Path xml = root.resolve("Annotations/" + id + ".xml");
            if (!Files.exists(xml)) {
                continue;
            }
            BufferedImage picture = ImageIO.read(root.resolve("JPEGImages/" + id + ".jpg").toFile());
            Matcher m = OBJECT.matcher(Files.readString(xml));
            while (m.find()) {
                int x0 = Integer.parseInt(m.group(2)) - 1;
                int y0 = Integer.parseInt(m.group(3)) - 1;
                int x1 = Math.min(picture.getWidth(), Integer.parseInt(m.group(4)));
                int y1 = Math.min(picture.getHeight(), Integer.parseInt(m.group(5)));
                if (x1 - x0 < 2 || y1 - y0 < 2) {
                    continue;
                }
                Cell cell = crop(m.group(1), picture, x0, y0, x1 - x0, y1 - y0);
                if (cell != null) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    private static Cell crop(String type, BufferedImage picture, int x0, int y0, int w, int h) {
        float[] r = new float[w * h];
        float[] g = new float[w * h];
        float[] b = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = picture.getRGB(x0 + x, y0 + y);
                r[y * w + x] = ((rgb >> 16) & 255) / 255f;
                g[y * w + x] = ((rgb >> 8) & 255) / 255f;
                b[y * w + x] = (rgb & 255) / 255f;
            }
        }
        CellImage image = CellImage.ofRgb(w, h, r, g, b);
        double mean = 0;
        for (float v : image.gray()) {
            mean += v;
        }
        mean /= w * h;
        boolean[] inside = new boolean[w * h];
        int area = 0;
        for (int i = 0; i < inside.length; i++) {
            inside[i] = image.gray()[i] < mean;
            if (inside[i]) {
                area++;
            }
        }
        return area == 0 ? null : new Cell(type, image, new ObjectMask(w, h, inside));
    }
}
