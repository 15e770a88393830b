package org.cellactive.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cellactive.learning.FeatureScale;
import org.cellactive.learning.ScoringModel;

/**
 * The model's largest feature weights, as CellProfiler Analyst lists its classifier's top
 * features. MLlib reports coefficients on the features' own scales, where an area in pixels
 * and an intensity in [0, 1] are not comparable, so each weight is multiplied by the
 * feature's standard deviation over the pool: the change in log-odds per standard deviation.
 */
final class TopWeights {
    private TopWeights() {
    }

    /** @param cls the class whose log-odds the weight raises (for two classes, the second) */
    record Weight(String feature, String cls, double perStd) {
    }

    static List<Weight> of(ScoringModel model, List<String> trainedClasses, List<String> features,
                           FeatureScale scale, int limit) {
        double[][] m = model.coefficients();
        List<Weight> all = new ArrayList<>();
        for (int r = 0; r < m.length; r++) {
            // Binomial models have one row, for the positive class (index 1).
            String cls = m.length == 1 ? trainedClasses.get(1) : trainedClasses.get(r);
            for (int c = 0; c < m[r].length; c++) {
                all.add(new Weight(features.get(c), cls, m[r][c] * scale.std()[c]));
            }
        }
        all.sort(Comparator.comparingDouble((Weight w) -> -Math.abs(w.perStd()))
                .thenComparing(Weight::feature).thenComparing(Weight::cls));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
