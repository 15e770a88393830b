package org.cellactive.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.annotations.CellBox;
import org.cellactive.annotations.ImageLocator;
import org.cellactive.annotations.VocParser;
import org.cellactive.io.CappedRead;
import org.cellactive.segmentation.ImageMatch;
import org.cellactive.segmentation.LabelledBox;
import org.cellactive.segmentation.SegmentationScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evaluate-segmentation}: scores segment's boxes against true boxes (VOC), image by image. */
@Command(name = "evaluate-segmentation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Scores segment's boxes against the true boxes of a VOC folder: greedy matching at IoU >= --min-iou,",
            "recall per class (an object's class is that of the box it matches), precision, per-image count errors.",
            "Writes segmentation.csv (one row per annotated image) and one summary line to stdout.",
            "Precision understates on BCCD, whose red cells are not all annotated."})
public final class EvaluateSegmentationCommand implements Callable<Integer> {

    @Option(names = "--boxes", required = true, paramLabel = "PATH",
            description = "segment's boxes: RUN_DIR/boxes.parquet, or boxes.csv.")
    String boxes;

    @Option(names = "--annotations", required = true, paramLabel = "DIR", description = "The folder of VOC .xml files.")
    String annotations;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the per-image table (default: segmentation.csv beside --boxes).")
    String out;

    @Option(names = "--min-iou", defaultValue = "0.5", description = "IoU a match needs (default: ${DEFAULT-VALUE}).")
    double minIou;

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() throws IOException {
        if (!(minIou > 0 && minIou <= 1)) {
            return CliErrors.usage("evaluate-segmentation", "--min-iou must lie in (0, 1]");
        }
        SparkSession spark = Spark.session("cellactive evaluate-segmentation", master.url());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Map<String, List<LabelledBox>> truth;
        Map<String, List<LabelledBox>> found;
        try {
            truth = truth(annotations, conf);
            found = found(spark, boxes);
        } catch (IllegalArgumentException e) {
            return CliErrors.input("evaluate-segmentation", e.getMessage());
        }
        SegmentationScore score = new SegmentationScore();
        for (Map.Entry<String, List<LabelledBox>> e : truth.entrySet()) {
            score.add(e.getKey(), ImageMatch.greedy(e.getValue(), found.getOrDefault(e.getKey(), List.of()), minIou));
        }
        long unknown = found.keySet().stream().filter(k -> !truth.containsKey(k)).count();
        if (unknown > 0) {
            System.err.printf(Locale.ROOT, "evaluate-segmentation: %d image(s) with boxes but no annotation file, left out%n",
                    unknown);
        }
        String target = out != null ? out : new Path(new Path(boxes).getParent(), "segmentation.csv").toString();
        write(score, target, conf);
        System.out.println(score.summaryLine());
        return 0;
    }

    /** True boxes per image id; zero-area boxes are left out, as extract rejects them. */
    static Map<String, List<LabelledBox>> truth(String dir, Configuration conf) throws IOException {
        Path path = new Path(dir);
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path) || !fs.getFileStatus(path).isDirectory()) {
            throw new IllegalArgumentException("annotations folder does not exist or is not a folder: " + dir);
        }
        VocParser parser = new VocParser();
        // The image names are only parsed here, never opened.
        ImageLocator locator = new ImageLocator(fs.makeQualified(path).toString());
        Map<String, List<LabelledBox>> out = new TreeMap<>();
        for (FileStatus f : fs.listStatus(path)) {
            String name = f.getPath().getName();
            if (!f.isFile() || !name.toLowerCase(Locale.ROOT).endsWith(".xml") || name.startsWith(".")) {
                continue;
            }
            String file = f.getPath().toString();
            byte[] xml;
            try {
                xml = CappedRead.bytes(file, conf, VocParser.MAX_BYTES);
            } catch (IOException e) {
                System.err.println("evaluate-segmentation: skipped " + file + ": " + e.getMessage());
                continue;
            }
            var parsed = parser.parse(xml, file, locator);
            parsed.rejects().forEach(r -> System.err.println("evaluate-segmentation: " + r.file() + ": " + r.reason()));
            for (CellBox b : parsed.boxes()) {
                List<LabelledBox> list = out.computeIfAbsent(b.imageId(), k -> new ArrayList<>());
                if (b.xmax() > b.xmin() && b.ymax() > b.ymin()) {
                    list.add(new LabelledBox(b.cellType(), b.xmin(), b.ymin(), b.xmax(), b.ymax()));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("annotations folder " + dir + " holds no usable .xml file");
        }
        return out;
    }

    static Map<String, List<LabelledBox>> found(SparkSession spark, String boxesPath) {
        Dataset<Row> table;
        try {
            table = boxesPath.toLowerCase(Locale.ROOT).endsWith(".csv")
                    ? spark.read().option("header", "true").option("inferSchema", "true").csv(boxesPath)
                    : spark.read().parquet(boxesPath);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read boxes " + boxesPath + ": " + e.getMessage());
        }
        Map<String, List<LabelledBox>> out = new TreeMap<>();
        for (Row r : table.selectExpr(AnnotationColumns.IMAGE_ID, "cast(xmin as int)", "cast(ymin as int)",
                "cast(xmax as int)", "cast(ymax as int)").collectAsList()) {
            if (r.anyNull()) {
                continue;
            }
            out.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
                    .add(new LabelledBox(null, r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4)));
        }
        return out;
    }

    private static void write(SegmentationScore score, String file, Configuration conf) throws IOException {
        StringBuilder csv = new StringBuilder("image_id,found,matched_found,count_error");
        for (String c : SegmentationScore.CLASSES) {
            csv.append(",truth_").append(c).append(",matched_").append(c).append(",counted_").append(c);
        }
        csv.append('\n');
        for (Map.Entry<String, ImageMatch> e : score.images().entrySet()) {
            ImageMatch m = e.getValue();
            csv.append(e.getKey()).append(',').append(m.found().size()).append(',').append(m.matchedFoundCount())
                    .append(',').append(m.found().size() - m.truth().size());
            for (String c : SegmentationScore.CLASSES) {
                csv.append(',').append(m.truthOf(c)).append(',').append(m.matchedOf(c)).append(',').append(m.countedOf(c));
            }
            csv.append('\n');
        }
        Path target = new Path(file);
        FileSystem fs = target.getFileSystem(conf);
        fs.setWriteChecksum(false);
        try (OutputStream o = fs.create(target, true)) {
            o.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
