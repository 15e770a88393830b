package org.cellactive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the article's experiment end to end on BCCD — extract, then simulate
 * with the article's settings for the gray-intensity and the all feature sets.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "The article's experiment on BCCD, end to end: extract, then simulate.",
            "Settings are the article's (binary RBC vs WBC,",
            "batch size 1, pool 300, 5 seed labels, so 296 fits on 5 ... 300 labels), for the gray-intensity and the all",
            "feature sets, and prints where the reports are. Finds BCCD at --data, else at",
            "data/BCCD_Dataset, else clones the public repository there at a pinned commit."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR",
            description = "The BCCD folder (holding BCCD/Annotations and BCCD/JPEGImages, or those two directly).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/demo",
            description = "Where the runs go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--repeats", defaultValue = "20", description = "Seeded repeats per strategy (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Stop each repeat after N rounds, i.e. N fits on 5 ... 5+N-1 labels (default: until the pool is empty, 296 fits).")
    Integer rounds;

    @Option(names = "--seed", defaultValue = "42", description = "Run seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() {
        Path bccd = locate();
        if (bccd == null) {
            return CliErrors.INPUT;
        }
        Path cells = out.resolve("extract");
        long start = System.nanoTime();
        System.out.println("demo: step 1/3: extract BCCD (" + bccd + ") -> " + cells);
        int code = Main.run(withMaster("extract", "--annotations", bccd.resolve("Annotations").toString(),
                "--images", bccd.resolve("JPEGImages").toString(), "--out", cells.toString(), "--csv",
                // demo owns its folder: a second demo replaces the first one's extract.
                "--overwrite"));
        if (code != 0) {
            return code;
        }
        List<Path> reports = new ArrayList<>();
        List<String> featureSets = List.of("gray-intensity", "all");
        for (int step = 0; step < featureSets.size(); step++) {
            String features = featureSets.get(step);
            Path run = out.resolve(features);
            System.out.printf(java.util.Locale.ROOT, "demo: step %d/3 (%s elapsed): simulate, %s features -> %s%n",
                    step + 2, elapsed(start), features, run);
            List<String> args = new ArrayList<>(List.of("simulate",
                    "--cells", cells.resolve("cells.parquet").toString(), "--out", run.toString(),
                    "--protocol", "binary", "--features", features, "--strategies", "random,least-confident",
                    "--repeats", String.valueOf(repeats), "--pool", "300", "--test", "150", "--seed-size", "5",
                    "--batch-size", "1", "--seed", String.valueOf(seed), "--overwrite"));
            if (rounds != null) {
                args.addAll(List.of("--rounds", String.valueOf(rounds)));
            }
            code = Main.run(withMaster(args.toArray(String[]::new)));
            if (code != 0) {
                return code;
            }
            reports.add(run.resolve("report.html"));
        }
        System.out.println("demo: done in " + elapsed(start) + "; reports:");
        for (Path report : reports) {
            System.out.println("  " + report.toAbsolutePath());
        }
        return 0;
    }

    private static String elapsed(long startNanos) {
        long s = Math.round((System.nanoTime() - startNanos) / 1e9);
        return s >= 60 ? (s / 60) + "m" + String.format(java.util.Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }

    private String[] withMaster(String... args) {
        if (master.url() == null) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--master", master.url()));
        return all.toArray(String[]::new);
    }

    private Path locate() {
        if (data != null) {
            Path found = BccdLocation.bccdFolder(data);
            if (found == null) {
                CliErrors.input("demo", "no BCCD layout (Annotations/ and JPEGImages/) under --data " + data);
            }
            return found;
        }
        Path dir = BccdLocation.DEFAULT_DIR;
        Path found = BccdLocation.bccdFolder(dir);
        if (found != null) {
            return found;
        }
        if (Files.exists(dir)) {
            CliErrors.input("demo", dir + " exists but holds no BCCD layout; remove it or pass --data");
            return null;
        }
        System.err.println("demo: BCCD not found; cloning " + BccdLocation.REPOSITORY + " at "
                + BccdLocation.PINNED_COMMIT.substring(0, 12) + " into " + dir);
        String failure = BccdLocation.fetch(dir);
        if (failure != null) {
            CliErrors.input("demo", "cannot fetch BCCD: " + failure);
            System.err.println(BccdLocation.manualSteps(dir));
            return null;
        }
        return BccdLocation.bccdFolder(dir);
    }
}
