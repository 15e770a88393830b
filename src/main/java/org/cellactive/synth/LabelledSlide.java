package org.cellactive.synth;

import java.util.List;

/**
 * A slide image and its boxes: packed 0xRRGGBB pixels, row by row, and boxes in VOC
 * coordinates (1-based, inclusive), as {@link SlideAugmenter} transforms them together.
 */
public record LabelledSlide(int width, int height, int[] rgb, List<Box> boxes) {

    /** One annotated cell: its class name and VOC corners. */
    public record Box(String name, int xmin, int ymin, int xmax, int ymax) {
    }

    public LabelledSlide {
        if (rgb.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + rgb.length);
        }
        boxes = List.copyOf(boxes);
    }

    public int rgbAt(int x, int y) {
        return rgb[y * width + x];
    }

    /** The slide as a JPEG (quality 0.9, near BCCD's own files). */
    public byte[] jpeg() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(width * height / 4);
        try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The Pascal VOC file of this slide, named {@code imageName}. */
    public String vocXml(String imageName) {
        StringBuilder xml = new StringBuilder(256 + 200 * boxes.size());
        xml.append("<annotation>\n\t<folder>JPEGImages</folder>\n\t<filename>").append(escape(imageName))
                .append("</filename>\n\t<source>\n\t\t<database>cellactive synth --from</database>\n\t</source>\n")
                .append("\t<size>\n\t\t<width>").append(width).append("</width>\n\t\t<height>").append(height)
                .append("</height>\n\t\t<depth>3</depth>\n\t</size>\n\t<segmented>0</segmented>\n");
        for (Box b : boxes) {
            xml.append("\t<object>\n\t\t<name>").append(escape(b.name())).append("</name>\n")
                    .append("\t\t<pose>Unspecified</pose>\n\t\t<truncated>0</truncated>\n\t\t<difficult>0</difficult>\n")
                    .append("\t\t<bndbox>\n\t\t\t<xmin>").append(b.xmin()).append("</xmin>\n\t\t\t<ymin>")
                    .append(b.ymin()).append("</ymin>\n\t\t\t<xmax>").append(b.xmax()).append("</xmax>\n\t\t\t<ymax>")
                    .append(b.ymax()).append("</ymax>\n\t\t</bndbox>\n\t</object>\n");
        }
        return xml.append("</annotation>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
