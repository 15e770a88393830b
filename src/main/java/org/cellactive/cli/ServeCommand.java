package org.cellactive.cli;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.LearnerParams;
import org.cellactive.learning.ledger.LedgerException;
import org.cellactive.serve.LabellingSession;
import org.cellactive.serve.ServeOptions;
import org.cellactive.serve.ServeServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: live labelling in the browser, with the model kept warm between batches. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Live labelling in the browser: one SparkSession, the pool cached once, the ledger locked.",
            "Prints one line on stdout, serve: http://HOST:PORT/?token=TOKEN, and runs until Ctrl-C or SIGTERM.",
            "Answers go into the same ledger query, label and score use; each is acknowledged once it is on disk."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    LabellingOptions labelling = new LabellingOptions();

    @Option(names = "--batch-size", defaultValue = "20", description = "Cells per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on; anything but loopback is warned about (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--annotator", description = "Who answers; recorded with every label (default: ${DEFAULT-VALUE}).")
    String annotator = System.getProperty("user.name", "unknown");

    @Mixin
    SolverOption solver = new SolverOption();

    @Mixin
    MasterOption master = new MasterOption();

    @Override
    public Integer call() throws InterruptedException {
        ServeOptions options;
        try {
            LabellingOptions o = labelling;
            options = new ServeOptions(o.cells, o.ledger, o.classes, o.features, o.strategy, batchSize, o.seed,
                    learner(), o.maxImagePixels, annotator);
        } catch (IllegalArgumentException e) {
            return CliErrors.usage("serve", e.getMessage());
        }
        SparkSession spark = Spark.session("cellactive serve", master.url());
        LabellingSession session;
        try {
            session = LabellingSession.open(spark, options, System.err, Clock.systemUTC());
        } catch (LedgerException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("serve: " + e.getMessage());
            return CliErrors.INPUT;
        }
        ServeServer server;
        try {
            server = ServeServer.start(session, bind, port, System.err);
        } catch (UncheckedIOException e) {
            session.close();
            System.err.println(e.getMessage());
            return CliErrors.INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C and SIGTERM run the shutdown hooks: stop answering, then release the ledger's lock.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                session.close();
                System.err.println("serve: stopped; ledger lock released");
            } finally {
                stopped.countDown();
            }
        }, "serve-shutdown"));
        System.out.println("serve: " + server.url());
        System.out.flush();
        stopped.await();
        return 0;
    }

    LearnerParams learner() {
        return solver.learner();
    }
}
