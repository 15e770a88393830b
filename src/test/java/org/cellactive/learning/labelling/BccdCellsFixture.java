package org.cellactive.learning.labelling;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cellactive.synth.SyntheticCellTable;
import org.cellactive.annotations.AnnotationColumns;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A cells table for the labelling tests: the real BCCD boxes, image paths and classes of the
 * first images, with feature columns derived from the box size plus a class-dependent,
 * seeded "stain" signal. (The extractor's real table replaces it once it exists; the
 * workflow is the subject here, not the features.) Zero-area boxes are left out, as
 * extract rejects them.
 */
public final class BccdCellsFixture {
    static final String[] FEATURES = {"AreaShape_Area", "AreaShape_Eccentricity", "Intensity_MeanIntensity_Blue",
        "Intensity_MeanIntensity_Gray"};

    private BccdCellsFixture() {
    }

    public static Path bccd() {
        String root = System.getProperty("cellactive.bccd", "../shared/data/bccd");
        return Path.of(root, "BCCD").toAbsolutePath().normalize();
    }

    /** Writes the table to {@code out} and returns ground truth by cell key (for the scripted labeller only). */
    public static Map<String, String> write(SparkSession spark, Path out, int images) throws Exception {
        Path annotations = bccd().resolve("Annotations");
        Path jpegs = bccd().resolve("JPEGImages");
        List<Path> files;
        try (Stream<Path> s = Files.list(annotations)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().limit(images).toList();
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = f.newDocumentBuilder();
        Random noise = new Random(11);
        List<Row> rows = new ArrayList<>();
        Map<String, String> truth = new LinkedHashMap<>();
        for (Path xml : files) {
            Document doc = builder.parse(xml.toFile());
            String imageId = xml.getFileName().toString().replace(".xml", "");
            String imagePath = jpegs.resolve(imageId + ".jpg").toUri().toString();
            NodeList objects = doc.getElementsByTagName("object");
            for (int i = 0; i < objects.getLength(); i++) {
                Element o = (Element) objects.item(i);
                String type = text(o, "name");
                int xmin = Integer.parseInt(text(o, "xmin"));
                int ymin = Integer.parseInt(text(o, "ymin"));
                int xmax = Integer.parseInt(text(o, "xmax"));
                int ymax = Integer.parseInt(text(o, "ymax"));
                if (xmax <= xmin || ymax <= ymin) {
                    continue;
                }
                double w = xmax - xmin;
                double h = ymax - ymin;
                double blue = switch (type) {
                    case "WBC" -> 0.75;
                    case "Platelets" -> 0.62;
                    default -> 0.50;
                } + 0.06 * noise.nextGaussian();
                String key = AnnotationColumns.cellKey(imageId, i);
                truth.put(key, type);
                rows.add(RowFactory.create(imageId, i, type, imagePath, xmin, ymin, xmax, ymax, key,
                        w * h * (0.8 + 0.1 * noise.nextGaussian()), Math.abs(w - h) / Math.max(w, h),
                        blue, 0.6 - 0.3 * (blue - 0.5) + 0.03 * noise.nextGaussian()));
            }
        }
        StructType schema = SyntheticCellTable.boxColumns();
        for (String feature : FEATURES) {
            schema = schema.add(feature, DataTypes.DoubleType);
        }
        spark.createDataFrame(rows, schema).coalesce(2).write().mode("overwrite").parquet(out.toString());
        return truth;
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    public static boolean available() {
        return new File(bccd().resolve("Annotations").toString()).isDirectory();
    }
}
