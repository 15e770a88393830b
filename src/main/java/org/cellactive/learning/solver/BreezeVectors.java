package org.cellactive.learning.solver;

import breeze.linalg.DenseVector;

/** Java's view of Breeze's {@code DenseVector[Double]}, whose element type Java sees as Object. */
final class BreezeVectors {

    private BreezeVectors() {
    }

    static DenseVector<Object> of(double[] values) {
        return new breeze.linalg.DenseVector$mcD$sp(values);
    }

    /** The values, without a copy when the vector covers its whole array. */
    static double[] values(DenseVector<Object> v) {
        double[] data = v.data$mcD$sp();
        int length = v.length();
        if (v.offset() == 0 && v.stride() == 1 && data.length == length) {
            return data;
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = v.apply$mcD$sp(i);
        }
        return out;
    }
}
