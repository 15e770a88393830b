package org.cellactive.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A synthetic blood smear: a JPEG that looks roughly like a BCCD image, and the Pascal VOC
 * annotation of its cells, for scale tests on archives far larger than BCCD.
 *
 * <p>Cells have BCCD's sizes (red cells about 100 px across, white cells about 190, platelets
 * about 30) and its mix (about 11 red cells, one white cell and one platelet per 640x480
 * image, scaled with the area). Cells may overlap a little and may run off the edge, as in
 * real smears. The same name, size and seed give the same bytes, on any machine with the same
 * JDK JPEG encoder.
 */
public final class SyntheticSmear {
    /** JPEG quality: close to what BCCD's files use, and small files. */
    private static final float JPEG_QUALITY = 0.9f;
    private static final double NOISE = 3.0;
    private static final int PLACEMENT_TRIES = 60;

    private final String imageName;
    private final int width;
    private final int height;
    private final List<SyntheticCell> cells;
    private final byte[] jpeg;

    private SyntheticSmear(String imageName, int width, int height, List<SyntheticCell> cells, byte[] jpeg) {
        this.imageName = imageName;
        this.width = width;
        this.height = height;
        this.cells = cells;
        this.jpeg = jpeg;
    }

    /**
     * Paints one smear.
     *
     * @param imageName the file name the VOC document refers to, e.g. {@code Synth_000001.jpg}
     */
    public static SyntheticSmear generate(String imageName, int width, int height, long seed) {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("smear too small: " + width + "x" + height + " (64x64 at least)");
        }
        Random random = new Random(seed);
        double scale = (double) width * height / (640.0 * 480.0);
        List<SyntheticCell> cells = new ArrayList<>();
        place(cells, CellKind.WBC, count(random, scale, 0.6, 1.4), 85, 105, width, height, random);
        place(cells, CellKind.PLATELETS, count(random, scale, 0.3, 2.0), 11, 17, width, height, random);
        place(cells, CellKind.RBC, count(random, scale, 9, 14), 44, 56, width, height, random);
        SmearPainter painter = new SmearPainter(width, height, random);
        // Red cells first, so that white cells and platelets lie on top where they overlap.
        for (CellKind kind : new CellKind[] {CellKind.RBC, CellKind.WBC, CellKind.PLATELETS}) {
            for (SyntheticCell cell : cells) {
                if (cell.kind() == kind) {
                    painter.paint(cell, random);
                }
            }
        }
        byte[] jpeg = encodeJpeg(painter.finish(random, NOISE));
        return new SyntheticSmear(imageName, width, height, Collections.unmodifiableList(cells), jpeg);
    }

    private static int count(Random random, double scale, double low, double high) {
        return (int) Math.round(scale * (low + (high - low) * random.nextDouble()));
    }

    /** Drops cells at random places that keep them from overlapping much; gives up on a crowded image. */
    private static void place(List<SyntheticCell> cells, CellKind kind, int count, double minRadius, double maxRadius,
                              int width, int height, Random random) {
        for (int k = 0; k < count; k++) {
            double radius = minRadius + (maxRadius - minRadius) * random.nextDouble();
            for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
                // Centres stay inside the image, so at least a quarter of every cell shows.
                double cx = random.nextDouble() * width;
                double cy = random.nextDouble() * height;
                if (fits(cells, cx, cy, radius)) {
                    cells.add(new SyntheticCell(kind, cx, cy, radius, width, height));
                    break;
                }
            }
        }
    }

    private static boolean fits(List<SyntheticCell> cells, double cx, double cy, double radius) {
        for (SyntheticCell other : cells) {
            double distance = Math.hypot(cx - other.centreX(), cy - other.centreY());
            if (distance < 0.85 * (radius + other.radius())) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encodeJpeg(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer in this JVM");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding into memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public String imageName() { return imageName; }
    public int width() { return width; }
    public int height() { return height; }
    /** The painted cells, in the order of the VOC objects. */
    public List<SyntheticCell> cells() { return cells; }

    /** The JPEG file; a copy. */
    public byte[] jpeg() {
        return jpeg.clone();
    }

    /** The Pascal VOC annotation, laid out as BCCD's files are. */
    public String vocXml() {
        StringBuilder xml = new StringBuilder(512 + 256 * cells.size());
        xml.append("<annotation>\n")
                .append("\t<folder>JPEGImages</folder>\n")
                .append("\t<filename>").append(escape(imageName)).append("</filename>\n")
                .append("\t<source>\n\t\t<database>cellactive synthetic smear</database>\n\t</source>\n")
                .append("\t<size>\n")
                .append("\t\t<width>").append(width).append("</width>\n")
                .append("\t\t<height>").append(height).append("</height>\n")
                .append("\t\t<depth>3</depth>\n")
                .append("\t</size>\n")
                .append("\t<segmented>0</segmented>\n");
        for (SyntheticCell cell : cells) {
            xml.append("\t<object>\n")
                    .append("\t\t<name>").append(cell.kind().vocName()).append("</name>\n")
                    .append("\t\t<pose>Unspecified</pose>\n")
                    .append("\t\t<truncated>").append(cell.truncated() ? 1 : 0).append("</truncated>\n")
                    .append("\t\t<difficult>0</difficult>\n")
                    .append("\t\t<bndbox>\n")
                    .append("\t\t\t<xmin>").append(cell.xmin()).append("</xmin>\n")
                    .append("\t\t\t<ymin>").append(cell.ymin()).append("</ymin>\n")
                    .append("\t\t\t<xmax>").append(cell.xmax()).append("</xmax>\n")
                    .append("\t\t\t<ymax>").append(cell.ymax()).append("</ymax>\n")
                    .append("\t\t</bndbox>\n")
                    .append("\t</object>\n");
        }
        return xml.append("</annotation>\n").toString();
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&': s.append("&amp;"); break;
                case '<': s.append("&lt;"); break;
                case '>': s.append("&gt;"); break;
                case '"': s.append("&quot;"); break;
                case '\'': s.append("&apos;"); break;
                default: s.append(c);
            }
        }
        return s.toString();
    }
}
