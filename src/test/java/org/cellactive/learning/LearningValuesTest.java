package org.cellactive.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The learning loop's records that hold arrays are values: equal by content, and sealed against mutation. */
class LearningValuesTest {

    @Test
    void cellsCompareByContentAndCopyTheirArrays() {
        double[] x = {1, 2};
        PoolCell pool = new PoolCell("k", x);
        ScoredCell scored = new ScoredCell("k", 0.5, x);
        LabelledCell labelled = new LabelledCell("k", 1, x);
        x[0] = 99;
        pool.features()[1] = 99;
        scored.features()[1] = 99;
        labelled.features()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, pool.features());
        assertArrayEquals(new double[] {1, 2}, scored.features());
        assertArrayEquals(new double[] {1, 2}, labelled.features());

        assertEquals(new PoolCell("k", new double[] {1, 2}), pool);
        assertEquals(new PoolCell("k", new double[] {1, 2}).hashCode(), pool.hashCode());
        assertNotEquals(new PoolCell("k", new double[] {1, 3}), pool);
        assertEquals(new ScoredCell("k", 0.5, new double[] {1, 2}), scored);
        assertNotEquals(new ScoredCell("k", 0.6, new double[] {1, 2}), scored);
        assertEquals(new LabelledCell("k", 1, new double[] {1, 2}), labelled);
        assertEquals(new LabelledCell("k", 1, new double[] {1, 2}).hashCode(), labelled.hashCode());
        assertNotEquals(new LabelledCell("k", 0, new double[] {1, 2}), labelled);
        assertTrue(labelled.toString().contains("[1.0, 2.0]"), labelled.toString());
    }

    @Test
    void modelAndScaleCompareByContentAndCopyTheirArrays() {
        double[][] w = {{1, 2}};
        double[] b = {0.5};
        ScoringModel model = new ScoringModel(w, b, 2);
        w[0][0] = 9;
        b[0] = 9;
        model.coefficients()[0][1] = 9;
        model.intercepts()[0] = 9;
        ScoringModel same = new ScoringModel(new double[][] {{1, 2}}, new double[] {0.5}, 2);
        assertEquals(same, model);
        assertEquals(same.hashCode(), model.hashCode());
        assertArrayEquals(same.probabilities(new double[] {1, 1}), model.probabilities(new double[] {1, 1}), 0.0);
        assertNotEquals(new ScoringModel(new double[][] {{1, 2}}, new double[] {0.4}, 2), model);
        assertTrue(model.toString().contains("[[1.0, 2.0]]"), model.toString());

        double[] mean = {0, 1};
        FeatureScale scale = new FeatureScale(mean, new double[] {1, 2});
        mean[1] = 5;
        scale.std()[0] = 100;
        assertEquals(new FeatureScale(new double[] {0, 1}, new double[] {1, 2}), scale);
        assertEquals(1.0, scale.squaredDistance(new double[] {0, 0}, new double[] {1, 0}), 0.0);
    }
}
