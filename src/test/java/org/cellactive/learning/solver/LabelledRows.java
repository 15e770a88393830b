package org.cellactive.learning.solver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.cellactive.features.BccdCrops;
import org.cellactive.features.CellMeasurer;
import org.cellactive.features.FeatureOptions;
import org.cellactive.imaging.RejectedException;
import org.cellactive.learning.LabelledCell;

/** Labelled rows for the solver tests: real BCCD cells measured in-process, and synthetic ones. */
final class LabelledRows {

    /** A training set and a held-out set. */
    record Split(List<LabelledCell> train, List<LabelledCell> heldOut) {
    }

    private LabelledRows() {
    }

    /**
     * Five of the article's gray-intensity measures that are not near-copies of each other (the
     * mean, median, quartiles and integrated intensity are: with them and a weak penalty the
     * objective has a valley so flat that neither solver's L-BFGS gets within 1e-6 of its floor,
     * and each stops at its own point of it; docs/benchmarks.md shows that case).
     */
    static final List<String> BCCD_COLUMNS = List.of("Intensity_MeanIntensity_Gray", "Intensity_StdIntensity_Gray",
            "Intensity_MinIntensity_Gray", "Intensity_MaxIntensity_Gray", "Intensity_MassDisplacement_Gray");

    /**
     * BCCD cells of the first images, measured with the default families, reduced to
     * {@code columns}; labels are indices into {@code classes}, other classes are left out.
     */
    static Split bccd(List<String> classes, List<String> columns, int trainSize, int heldOutSize, long seed)
            throws IOException {
        CellMeasurer measurer = new CellMeasurer(FeatureOptions.defaults());
        List<String> measured = measurer.columns();
        int[] index = columns.stream().mapToInt(measured::indexOf).toArray();
        for (int j = 0; j < index.length; j++) {
            if (index[j] < 0) {
                throw new IllegalArgumentException("no column " + columns.get(j) + " among " + measured);
            }
        }
        List<LabelledCell> cells = new ArrayList<>();
        int n = 0;
        for (BccdCrops.Cell c : BccdCrops.firstImages(60)) {
            int label = classes.indexOf(c.cellType());
            n++;
            if (label < 0) {
                continue;
            }
            double[] all;
            try {
                all = measurer.measure(c.image(), c.mask());
            } catch (RejectedException e) {
                continue;
            }
            double[] x = new double[index.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = all[index[j]];
            }
            cells.add(new LabelledCell(String.format("bccd-%05d", n), label, x));
        }
        return split(cells, classes.size(), trainSize, heldOutSize, seed);
    }

    /** Gaussian classes with shifted means, a constant column and a column that is mostly zero. */
    static Split synthetic(int classes, int features, int trainSize, int heldOutSize, long seed) {
        Random r = new Random(seed);
        List<LabelledCell> cells = new ArrayList<>();
        for (int i = 0; i < trainSize + heldOutSize; i++) {
            int label = i % classes;
            double[] x = new double[features + 2];
            for (int j = 0; j < features; j++) {
                x[j] = r.nextGaussian() * (1 + j) + (label == j % classes ? 1.5 : 0) + 10 * j;
            }
            x[features] = 3.25; // constant: MLlib gives it a zero coefficient
            x[features + 1] = r.nextInt(10) == 0 ? r.nextGaussian() : 0.0;
            cells.add(new LabelledCell(String.format("syn-%05d", i), label, x));
        }
        return split(cells, classes, trainSize, heldOutSize, seed);
    }

    /** A random split that keeps at least two cells of every class in the training set. */
    private static Split split(List<LabelledCell> cells, int classes, int trainSize, int heldOutSize, long seed) {
        List<LabelledCell> shuffled = new ArrayList<>(cells);
        Collections.shuffle(shuffled, new Random(seed));
        List<LabelledCell> train = new ArrayList<>();
        int[] seen = new int[classes];
        for (LabelledCell c : shuffled) {
            if (seen[c.label()] < 2) {
                seen[c.label()]++;
                train.add(c);
            }
        }
        List<LabelledCell> rest = new ArrayList<>(shuffled);
        rest.removeAll(train);
        train.addAll(rest.subList(0, Math.min(rest.size(), trainSize - train.size())));
        rest.removeAll(train);
        return new Split(train, rest.subList(0, Math.min(heldOutSize, rest.size())));
    }
}
