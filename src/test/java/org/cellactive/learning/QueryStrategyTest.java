package org.cellactive.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryStrategyTest {

    private static List<String> ranking(QueryStrategy s, double[][] probabilities) {
        List<ScoredCell> cells = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            cells.add(new ScoredCell("c" + i, s.score(probabilities[i], "c" + i), new double[0]));
        }
        cells.sort(ScoredCell.QUERY_ORDER);
        return cells.stream().map(ScoredCell::key).toList();
    }

    @Test
    void binaryMeasuresAgree() {
        double[][] p = {{0.95, 0.05}, {0.6, 0.4}, {0.2, 0.8}, {0.5, 0.5}, {0.35, 0.65}};
        List<String> expected = List.of("c3", "c1", "c4", "c2", "c0");
        for (UncertaintyMeasure m : UncertaintyMeasure.values()) {
            assertEquals(expected, ranking(new UncertaintyStrategy(m), p), m.cliName());
        }
    }

    @Test
    void threeClassMeasuresDiffer() {
        // a = [.5,.49,.01]: 1-max = .5, margin .01, entropy .742
        // b = [.4,.3,.3]:   1-max = .6, margin .1,  entropy 1.089
        double[][] p = {{0.5, 0.49, 0.01}, {0.4, 0.3, 0.3}, {0.9, 0.05, 0.05}};
        assertEquals(List.of("c1", "c0", "c2"), ranking(new UncertaintyStrategy(UncertaintyMeasure.LEAST_CONFIDENT), p));
        assertEquals(List.of("c0", "c1", "c2"), ranking(new UncertaintyStrategy(UncertaintyMeasure.MARGIN), p));
        assertEquals(List.of("c1", "c0", "c2"), ranking(new UncertaintyStrategy(UncertaintyMeasure.ENTROPY), p));
        assertEquals(-(0.4 * Math.log(0.4) + 0.6 * Math.log(0.3)), UncertaintyMeasure.ENTROPY.score(p[1]), 1e-12);
        assertEquals(-0.01, UncertaintyMeasure.MARGIN.score(p[0]), 1e-12);
    }

    @Test
    void tiesGoToTheSmallerCellKey() {
        double[][] p = {{0.5, 0.5}, {0.7, 0.3}, {0.3, 0.7}, {0.5, 0.5}};
        assertEquals(List.of("c0", "c3", "c1", "c2"), ranking(new UncertaintyStrategy(UncertaintyMeasure.MARGIN), p));
    }

    @Test
    void randomOrderIsSeededAndIgnoresTheModel() {
        RandomStrategy a = new RandomStrategy(7);
        List<String> keys = IntStream.range(0, 50).mapToObj(i -> "BloodImage_00001_" + i).toList();
        Comparator<String> byScore = Comparator.comparingDouble((String k) -> -a.score(null, k));
        List<String> first = keys.stream().sorted(byScore).toList();
        assertEquals(first, keys.stream().sorted(byScore).toList());
        List<String> other = keys.stream().sorted(Comparator.comparingDouble(k -> -new RandomStrategy(8).score(null, k))).toList();
        assertEquals(false, first.equals(other));
        assertEquals(false, first.equals(keys));
    }

    @Test
    void diverseSpreadsTheBatchOut() {
        FeatureScale unit = new FeatureScale(new double[] {0, 0}, new double[] {1, 1});
        List<ScoredCell> ranked = List.of(
                new ScoredCell("a", 0.69, new double[] {0, 0}),
                new ScoredCell("b", 0.68, new double[] {0.01, 0}),
                new ScoredCell("c", 0.60, new double[] {0, 0.02}),
                new ScoredCell("d", 0.50, new double[] {5, 0}),
                new ScoredCell("e", 0.40, new double[] {0, 3}));
        DiverseStrategy diverse = new DiverseStrategy(10);
        assertEquals(List.of("a", "d", "e"), diverse.choose(ranked, 3, unit).stream().map(ScoredCell::key).toList());
        assertEquals(List.of("a"), diverse.choose(ranked, 1, unit).stream().map(ScoredCell::key).toList());
        assertEquals(30, diverse.candidates(3));
        // Standardizing matters: a large second feature scale brings e closer than d.
        FeatureScale wide = new FeatureScale(new double[] {0, 0}, new double[] {10, 1});
        assertEquals(List.of("a", "e"), diverse.choose(ranked, 2, wide).stream().map(ScoredCell::key).toList());
    }

    @Test
    void namesResolve() {
        assertEquals("least-confident", QueryStrategies.named("least-confident", 1, 10).name());
        assertEquals(List.of("random", "diverse"), QueryStrategies.parseList("random, diverse"));
        assertThrows(IllegalArgumentException.class, () -> QueryStrategies.parseList("random,uncertainty"));
        assertThrows(IllegalArgumentException.class, () -> QueryStrategies.parseList("random,random"));
    }
}
