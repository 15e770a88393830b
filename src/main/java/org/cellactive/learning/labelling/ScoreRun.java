package org.cellactive.learning.labelling;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cellactive.annotations.AnnotationColumns;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.ledger.AtomicFiles;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.learning.ledger.RoundInfo;
import org.cellactive.learning.ledger.SpreadsheetText;

/**
 * {@code score}: trains the final model on every label in the ledger (features from the
 * ledger itself, so the labels may come from another archive), saves it with MLlib's
 * persistence, loads it back and scores every cell of the given cells table.
 *
 * <p>Outputs: {@code model/}, {@code predictions.parquet} (cell_key, image_id,
 * predicted_class, max_probability, probabilities in ledger class order),
 * {@code predictions.csv}, {@code per_image.csv} (a differential count: cells, then
 * count and fraction of each class per image) and {@code score.json}.
 */
public final class ScoreRun {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SparkSession spark;
    private final PrintStream log;

    public ScoreRun(SparkSession spark, PrintStream log) {
        this.spark = spark;
        this.log = log;
    }

    public void run(String cellsPath, Path ledgerDir, Path outDir, LearnerParams params) {
        try {
            runUnchecked(cellsPath, ledgerDir, outDir, params);
        } catch (LedgerException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new LedgerException("score " + cellsPath + " with " + ledgerDir + " failed: " + e.getMessage(), e);
        }
    }

    private void runUnchecked(String cellsPath, Path ledgerDir, Path outDir, LearnerParams params) throws IOException {
        long started = System.nanoTime();
        LabelLedger ledger = LabelLedger.open(ledgerDir);
        List<RoundInfo> rounds = ledger.rounds();
        if (rounds.isEmpty()) {
            throw new LedgerException(ledgerDir + ": no round yet; run query and label first");
        }
        List<String> features = rounds.get(0).features();
        TrainingSet training = TrainingSet.of(ledger, ledger.currentLabels());
        List<String> trained = training.trainedClasses();
        ClassLabels classes = training.classes();
        List<LabelledCell> labelled = training.cells(features);
        log.printf("score: fitting the final model on %d labels of %s%n", labelled.size(), trained);
        LogisticRegressionModel fitted = ModelFit.fit(spark, params, classes, labelled, null).model();
        Files.createDirectories(outDir);
        String modelUri = outDir.resolve("model").toUri().toString();
        fitted.write().overwrite().save(modelUri);
        LogisticRegressionModel model = LogisticRegressionModel.load(modelUri);
        long fittedAt = System.nanoTime();

        Dataset<Row> cells = spark.read().parquet(cellsPath).drop(AnnotationColumns.CELL_TYPE);
        List<String> missing = features.stream().filter(f -> !List.of(cells.columns()).contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(cellsPath + ": lacks the feature column(s) the ledger was labelled"
                    + " with: " + missing);
        }
        List<Column> select = new ArrayList<>(List.of(col(AnnotationColumns.CELL_KEY), col(AnnotationColumns.IMAGE_ID)));
        features.forEach(f -> select.add(col(f).cast("double")));
        Dataset<Row> assembled = new VectorAssembler().setInputCols(features.toArray(new String[0]))
                .setOutputCol("features").transform(cells.select(select.toArray(new Column[0])));
        Dataset<Row> scored = model.transform(assembled);
        Column fittedP = org.apache.spark.ml.functions.vector_to_array(col("probability"), "float64");
        List<Column> perClass = new ArrayList<>();
        for (String c : ledger.classes()) {
            int j = trained.indexOf(c);
            perClass.add(j < 0 ? lit(0.0) : element_at(fittedP, j + 1));
        }
        Column names = array(trained.stream().map(n -> lit(n)).toArray(Column[]::new));
        Dataset<Row> predictions = scored.select(col(AnnotationColumns.CELL_KEY), col(AnnotationColumns.IMAGE_ID),
                element_at(names, col("prediction").cast("int").plus(1)).as("predicted_class"),
                org.apache.spark.sql.functions.array_max(fittedP).as("max_probability"),
                array(perClass.toArray(new Column[0])).as("probabilities"));
        String predictionsUri = outDir.resolve("predictions.parquet").toUri().toString();
        predictions.write().mode("overwrite").parquet(predictionsUri);
        Dataset<Row> saved = spark.read().parquet(predictionsUri);
        long n = saved.count();
        long scoredAt = System.nanoTime();
        writePredictionsCsv(saved, ledger.classes(), outDir.resolve("predictions.csv"));
        long csvAt = System.nanoTime();
        long images = writePerImage(saved, ledger.classes(), outDir.resolve("per_image.csv"));
        long perImageAt = System.nanoTime();
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("fit_and_save_model", seconds(started, fittedAt));
        timings.put("score_to_parquet", seconds(fittedAt, scoredAt));
        timings.put("predictions_csv", seconds(scoredAt, csvAt));
        timings.put("per_image_csv", seconds(csvAt, perImageAt));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("command", "score");
        manifest.put("cells", cellsPath);
        manifest.put("ledger", ledgerDir.toAbsolutePath().toString());
        manifest.put("classes", ledger.classes());
        manifest.put("trainedClasses", trained);
        manifest.put("labels", labelled.size());
        manifest.put("features", features);
        manifest.put("learner", params.describe());
        manifest.put("cellsScored", n);
        manifest.put("images", images);
        manifest.put("createdAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        timings.put("total", seconds(started, System.nanoTime()));
        manifest.put("timings_seconds", timings);
        AtomicFiles.writeString(outDir.resolve("score.json"), JSON.writeValueAsString(manifest));
        double scoring = seconds(fittedAt, scoredAt);
        log.printf(Locale.ROOT, "score: %d cells of %d images scored; predictions and per_image.csv in %s%n", n, images,
                outDir);
        log.printf(Locale.ROOT, "score: timings fit %.1f s, scoring to predictions.parquet %.1f s (%.0f cells/s),"
                + " predictions.csv %.1f s, per_image.csv %.1f s, total %.1f s (%.0f cells/s)%n",
                seconds(started, fittedAt), scoring, n / scoring, seconds(scoredAt, csvAt), seconds(csvAt, perImageAt),
                seconds(started, perImageAt), n / seconds(started, perImageAt));
    }

    /** predictions.csv: one line per cell, sorted by cell key; the lines are made and sorted in the executors. */
    private static void writePredictionsCsv(Dataset<Row> predictions, List<String> classes, Path file) {
        List<String> header = new ArrayList<>(List.of("cell_key", "image_id", "predicted_class", "max_probability"));
        classes.forEach(c -> header.add(SpreadsheetText.guard("p_" + c)));
        MapFunction<Row, String> line = r -> {
            List<Object> row = new ArrayList<>();
            row.add(SpreadsheetText.guard(r.getString(0)));
            row.add(SpreadsheetText.guard(r.getString(1)));
            row.add(SpreadsheetText.guard(r.getString(2)));
            row.add(format(r.getDouble(3)));
            List<Double> p = r.getList(4);
            p.forEach(v -> row.add(format(v)));
            return OrderedCsvFile.record(row.toArray());
        };
        OrderedCsvFile.write(predictions.orderBy(AnnotationColumns.CELL_KEY).map(line, Encoders.STRING()), header, file);
    }

    /** per_image.csv: a differential count per image, sorted by image id; counted and written in the executors. */
    private static long writePerImage(Dataset<Row> predictions, List<String> classes, Path file) {
        List<Column> aggs = new ArrayList<>();
        for (String c : classes) {
            aggs.add(sum(when(col("predicted_class").equalTo(lit(c)), lit(1L)).otherwise(lit(0L))));
        }
        Dataset<Row> counts = predictions.groupBy(AnnotationColumns.IMAGE_ID)
                .agg(count(lit(1)), aggs.toArray(new Column[0]))
                .orderBy(AnnotationColumns.IMAGE_ID);
        List<String> header = new ArrayList<>(List.of("image_id", "cells"));
        classes.forEach(c -> header.add(SpreadsheetText.guard("n_" + c)));
        classes.forEach(c -> header.add(SpreadsheetText.guard("fraction_" + c)));
        int k = classes.size();
        MapFunction<Row, String> line = r -> {
            long total = r.getLong(1);
            List<Object> row = new ArrayList<>(List.of(SpreadsheetText.guard(r.getString(0)), Long.toString(total)));
            for (int i = 0; i < k; i++) {
                row.add(Long.toString(r.getLong(2 + i)));
            }
            for (int i = 0; i < k; i++) {
                row.add(format(r.getLong(2 + i) / (double) total));
            }
            return OrderedCsvFile.record(row.toArray());
        };
        OrderedCsvFile.write(counts.map(line, Encoders.STRING()), header, file);
        return predictions.select(AnnotationColumns.IMAGE_ID).distinct().count();
    }

    private static double seconds(long from, long to) {
        return Math.round((to - from) / 1e6) / 1000.0;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
