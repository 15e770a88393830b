// A scripted labeller for benchmarks: answers a batch's queries.csv from the cells table's
// cell_type (the truth synth-cells writes), as answers.csv (cell_key,label) for `label`.
// Run with Java's single-file launcher and Spark on the class path (see docs/benchmarks.md §3):
//   java $SPARK_FLAGS -cp "target/lib/*" docs/scripts/AnswerFromTruth.java CELLS.parquet BATCH/queries.csv answers.csv
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

public class AnswerFromTruth {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        List<String> header = List.of(lines.get(0).split(","));
        int keyColumn = header.indexOf("cell_key");
        List<Object> keys = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            keys.add(line.split(",")[keyColumn]); // synthetic keys hold no comma or quote
        }
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        List<Row> truth = spark.read().parquet(args[0]).where(functions.col("cell_key").isin(keys.toArray()))
                .select("cell_key", "cell_type").collectAsList();
        StringBuilder out = new StringBuilder("cell_key,label\n");
        truth.forEach(r -> out.append(r.getString(0)).append(',').append(r.getString(1)).append('\n'));
        Files.writeString(Path.of(args[2]), out.toString());
        System.out.printf("AnswerFromTruth: %d of %d queried cells answered -> %s%n", truth.size(), keys.size(), args[2]);
        spark.stop();
    }
}
