package org.cellactive.experiment.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cellactive.experiment.CurveRow;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

/**
 * A small run folder made from synthetic learning curves: curves.csv (as simulate writes it)
 * plus the report files. The notebook is executed on it (notebooks/run-notebook.sh).
 * {@code main(DIR)} writes one into DIR.
 */
final class SyntheticRun {

    static final String[] STRATEGIES = {"random", "least-confident", "entropy"};
    static final int REPEATS = 5;
    static final int ROUNDS = 60;
    static final int SEED_SIZE = 5;

    private SyntheticRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SyntheticRun OUT_DIR");
        }
        write(Path.of(args[0]));
    }

    /** Saturating curves: random rises slowest; seeded noise so repeats differ. */
    static List<CurveRow> rows() {
        double[] rate = {0.025, 0.09, 0.07};
        Random rnd = new Random(42);
        List<CurveRow> rows = new ArrayList<>();
        for (int rep = 0; rep < REPEATS; rep++) {
            for (int s = 0; s < STRATEGIES.length; s++) {
                for (int round = 0; round < ROUNDS; round++) {
                    int labels = SEED_SIZE + round;
                    double ap = 0.98 - 0.5 * Math.exp(-rate[s] * round) + 0.03 * rnd.nextGaussian();
                    ap = Math.max(0, Math.min(1, ap));
                    rows.add(new CurveRow(rep, STRATEGIES[s], round, labels, ap, ap - 0.02, ap - 0.05,
                            400 + rnd.nextInt(100), 30 + rnd.nextInt(10)));
                }
            }
        }
        return rows;
    }

    static LinkedHashMap<String, String> parameters() {
        LinkedHashMap<String, String> p = new LinkedHashMap<>();
        p.put("protocol", "binary");
        p.put("features", "gray-intensity");
        p.put("strategies", String.join(",", STRATEGIES));
        p.put("repeats", Integer.toString(REPEATS));
        p.put("pool", "300");
        p.put("test", "150");
        p.put("seed-size", Integer.toString(SEED_SIZE));
        p.put("batch-size", "1");
        p.put("rounds", Integer.toString(ROUNDS));
        p.put("seed", "42");
        p.put("learner", "LogisticRegression regParam=0.0 elasticNetParam=0.0 maxIter=100 tol=1e-6 standardization=true");
        p.put("warm start", "yes");
        p.put("cold-start rule", SimulationReport.DEFAULT_COLD_START_RULE);
        p.put("data", "synthetic curves (SyntheticRun), not BCCD");
        return p;
    }

    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<CurveRow> rows = rows();
        writeCurvesCsv(dir.resolve("curves.csv"), rows);
        SimulationReport.write(dir, rows, parameters());
    }

    static void writeCurvesCsv(Path file, List<CurveRow> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(CurveRow.HEADER)
                     .setRecordSeparator("\n").get())) {
            for (CurveRow r : rows) {
                csv.printRecord(r.repeat(), r.strategy(), r.round(), r.labels(), r.ap(), r.accuracy(),
                        r.balancedAccuracy(), r.fitMs(), r.queryMs());
            }
        }
    }
}
