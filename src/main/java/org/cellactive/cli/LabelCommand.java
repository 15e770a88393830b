package org.cellactive.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.cellactive.learning.ledger.AnswerProblem;
import org.cellactive.learning.ledger.ImportPlan;
import org.cellactive.learning.ledger.LabelImport;
import org.cellactive.learning.ledger.LedgerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code label}: validates an answers file and appends its answers to the ledger. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Validate answers (cell_key,label) and append them to the label ledger.",
            "Bad lines are reported by line number; every valid line is imported.",
            "Exit code 0 when every line was valid, 1 when any line was reported, 2 when the file or ledger is unusable,",
            "64 for bad options."})
public final class LabelCommand implements Callable<Integer> {
    @Option(names = "--ledger", required = true, description = "Label ledger folder.")
    Path ledger;

    @Option(names = "--answers", required = true, description = "Answers CSV with columns cell_key and label"
            + " (queries.html's export, or a filled-in queries.csv).")
    Path answers;

    @Option(names = "--relabel", description = "Allow answers that change a cell's earlier label;"
            + " they are recorded as relabels.")
    boolean relabel;

    @Option(names = "--annotator", description = "Who answered; recorded with every label (default: ${DEFAULT-VALUE}).")
    String annotator = System.getProperty("user.name", "unknown");

    @Override
    public Integer call() {
        ImportPlan plan;
        try {
            plan = LabelImport.run(ledger, answers, relabel, annotator, Clock.systemUTC());
        } catch (LedgerException e) {
            throw new InputException(e.getMessage(), e);
        }
        for (AnswerProblem p : plan.problems()) {
            System.err.println(p);
        }
        long relabels = plan.accepted().stream().filter(r -> r.relabel()).count();
        System.out.printf("label: %d new label(s) (%d relabel(s)), %d already in the ledger, %d line(s) reported%n",
                plan.accepted().size(), relabels, plan.unchanged(), plan.problems().size());
        return plan.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
