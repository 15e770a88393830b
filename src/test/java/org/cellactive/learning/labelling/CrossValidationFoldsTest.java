package org.cellactive.learning.labelling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cellactive.learning.ClassLabels;
import org.cellactive.learning.LabelledCell;
import org.junit.jupiter.api.Test;

/** Fold assignment of the stopping signal's cross-validation: stratified and repeatable. */
class CrossValidationFoldsTest {
    static List<LabelledCell> cells(int... labels) {
        List<LabelledCell> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            out.add(new LabelledCell(String.format("c_%02d", i), labels[i], new double[] {i}));
        }
        return out;
    }

    @Test
    void everyFoldHoldsEveryClassAndTheSameSeedGivesTheSameFolds() {
        List<LabelledCell> labelled = cells(0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2);
        int[] folds = CrossValidatedAccuracy.assignFolds(labelled, 3, 3, 5);
        for (int label = 0; label < 3; label++) {
            int[] perFold = new int[3];
            for (int i = 0; i < labelled.size(); i++) {
                if (labelled.get(i).label() == label) {
                    perFold[folds[i]]++;
                }
            }
            // 6 cells of class 0 over 3 folds: 2 each; 3 cells of classes 1 and 2: 1 each.
            assertArrayEquals(label == 0 ? new int[] {2, 2, 2} : new int[] {1, 1, 1}, perFold, "class " + label);
        }
        assertArrayEquals(folds, CrossValidatedAccuracy.assignFolds(labelled, 3, 3, 5));
    }

    @Test
    void argmaxTakesTheFirstOfTies() {
        assertEquals(1, ClassLabels.predicted(new double[] {0.2, 0.4, 0.4}));
        assertEquals(0, ClassLabels.predicted(new double[] {0.5, 0.5}));
    }
}
