package org.cellactive.learning.labelling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LabelRecord;
import org.cellactive.learning.ledger.LedgerException;

/**
 * The labelled cells a model is fit on, built from the ledger alone: every cell's latest
 * record, minus the answers that are not classes (serve's "unsure", and undone answers),
 * with the features the ledger stored when it issued the cell. The one place that turns a
 * ledger into training data, for {@code query}, {@code serve} and {@code score} alike.
 */
public final class TrainingSet {
    private final LabelLedger ledger;
    private final Map<String, LabelRecord> current;
    private final List<String> trained;

    private TrainingSet(LabelLedger ledger, Map<String, LabelRecord> current) {
        this.ledger = ledger;
        this.current = current;
        List<String> classes = new ArrayList<>();
        for (String c : ledger.classes()) {
            if (current.values().stream().anyMatch(r -> r.label().equals(c))) {
                classes.add(c);
            }
        }
        this.trained = List.copyOf(classes);
    }

    /** @param current the ledger's current labels ({@link LabelLedger#currentLabels()}), read once by the caller */
    public static TrainingSet of(LabelLedger ledger, Map<String, LabelRecord> current) {
        return new TrainingSet(ledger, current);
    }

    /** The ledger classes that have at least one label, in ledger order: the model's classes. */
    public List<String> trainedClasses() {
        return trained;
    }

    /** A model needs labels of two classes at least; before that, rounds are cold starts. */
    public boolean canFit() {
        return trained.size() >= 2;
    }

    public ClassLabels classes() {
        if (!canFit()) {
            throw new LedgerException(ledger.dir() + ": the ledger's labels cover " + trained
                    + "; a model needs labels of at least two classes");
        }
        return new ClassLabels(trained);
    }

    /**
     * Cells a person has answered, with a class or as unsure: a scan never asks them again.
     * An undone answer leaves its cell askable.
     */
    public Set<String> answeredKeys() {
        Set<String> keys = new LinkedHashSet<>();
        current.forEach((k, r) -> {
            if (!r.isWithdrawn()) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** Cells whose current label is a class. */
    public int labelledCount() {
        return (int) current.values().stream().filter(LabelRecord::isClassLabel).count();
    }

    /** Labels per ledger class (every class present, 0 when unlabelled), in ledger order. */
    public Map<String, Integer> perClass() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ledger.classes().forEach(c -> counts.put(c, 0));
        current.values().stream().filter(LabelRecord::isClassLabel).forEach(r -> counts.merge(r.label(), 1, Integer::sum));
        return counts;
    }

    /**
     * The labelled cells in cell-key order, with their stored features.
     *
     * @throws LedgerException when fewer than two classes are labelled, or when a labelled cell
     *                         has no stored features (a ledger edited by hand, or a damaged round)
     */
    public List<LabelledCell> cells(List<String> features) {
        return cells(features, null);
    }

    /** {@link #cells(List)}, with the committed rounds' features read through {@code cacheOrNull} when given. */
    public List<LabelledCell> cells(List<String> features, LedgerFeatures.Cache cacheOrNull) {
        ClassLabels classes = classes();
        Map<String, double[]> stored = LedgerFeatures.read(ledger, features, cacheOrNull);
        List<LabelledCell> labelled = new ArrayList<>();
        for (LabelRecord r : current.values()) {
            if (!r.isClassLabel()) {
                continue;
            }
            double[] x = stored.get(r.cellKey());
            if (x == null) {
                throw new LedgerException(ledger.dir() + ": no stored features for labelled cell " + r.cellKey());
            }
            labelled.add(new LabelledCell(r.cellKey(), classes.indexOf(r.label()), x));
        }
        return labelled;
    }
}
