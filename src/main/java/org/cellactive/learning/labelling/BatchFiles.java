package org.cellactive.learning.labelling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cellactive.learning.ScoringModel;
import org.cellactive.learning.ledger.AtomicFiles;
import org.cellactive.learning.ledger.QueriesCsv;
import org.cellactive.learning.ledger.QueriesPage;
import org.cellactive.learning.ledger.QueryItem;

/** Writes a round's queries.csv and queries.html into its folder. */
final class BatchFiles {
    static final String CSV = "queries.csv";
    static final String HTML = "queries.html";

    private BatchFiles() {
    }

    /**
     * @param trained the classes the model was fit on (its probability order); the files
     *                show every ledger class, with probability 0 for a class not yet labelled
     */
    static void write(Path dir, int round, List<String> classes, List<String> trained, ScoringModel model,
                      List<BatchCell> cells, Map<String, BatchCrops.Result> images) {
        List<QueryItem> items = new ArrayList<>();
        for (BatchCell c : cells) {
            double[] p = probabilities(classes, trained, model, c.features());
            BatchCrops.Result img = images.get(c.cellKey());
            items.add(new QueryItem(c.cellKey(), c.imageId(), c.xmin(), c.ymin(), c.xmax(), c.ymax(), p,
                    img.crop(), img.problem()));
        }
        AtomicFiles.writeString(dir.resolve(CSV), QueriesCsv.render(classes, items));
        AtomicFiles.writeString(dir.resolve(HTML), QueriesPage.render(
                "cellactive query batch, round " + round + " (" + items.size() + " cells)", classes, items));
    }

    /** The model's probability of every ledger class (0 for a class not yet trained), or null without a model. */
    static double[] probabilities(List<String> classes, List<String> trained, ScoringModel model, double[] x) {
        if (model == null) {
            return null;
        }
        double[] fitted = model.probabilities(x);
        double[] p = new double[classes.size()];
        for (int j = 0; j < trained.size(); j++) {
            p[classes.indexOf(trained.get(j))] = fitted[j];
        }
        return p;
    }
}
