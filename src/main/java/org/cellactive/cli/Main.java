package org.cellactive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: {@code submit.sh COMMAND [options]}. */
@Command(name = "cellactive",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Active learning for cell images on Apache Spark.",
        subcommands = {CommandLine.HelpCommand.class, ExtractCommand.class, SimulateCommand.class,
                QueryCommand.class, LabelCommand.class, ScoreCommand.class, ServeCommand.class, DemoCommand.class,
                BenchmarkExtractCommand.class, BenchmarkFitCommand.class, BenchmarkScanCommand.class,
                BenchmarkServeCommand.class, SynthCommand.class, SynthCellsCommand.class, SegmentCommand.class, BenchmarkSegmentCommand.class,
                EvaluateSegmentationCommand.class})
public final class Main implements Runnable {
    /** When this class was loaded: just before {@code main}'s first line. */
    private static final long LOADED_MILLIS = System.currentTimeMillis();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code, without exiting: tests call this. */
    public static int run(String... args) {
        return CommandFailures.install(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)).execute(args);
    }

    /**
     * Milliseconds from the process's start (as the OS recorded it) to this class's loading: the
     * launcher, the JVM's start and the classes loaded before {@code main}; -1 if the OS does not say.
     */
    static long processStartToMainMillis() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> LOADED_MILLIS - start.toEpochMilli())
                .orElse(-1L);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
