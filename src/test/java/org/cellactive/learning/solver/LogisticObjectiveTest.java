package org.cellactive.learning.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The three-class loss is the general multinomial loss, to the bit, with and without an intercept. */
class LogisticObjectiveTest {

    private static LogisticObjective objective(int n, int d, boolean fitIntercept, long seed) {
        Random r = new Random(seed);
        double[] scaled = new double[n * d];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = r.nextGaussian() * (1 + i % 5);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(3);
        }
        double[] mean = new double[d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = r.nextGaussian();
            std[j] = 0.5 + r.nextDouble();
        }
        return new LogisticObjective(scaled, labels, n, d, 3, true, fitIntercept, fitIntercept ? mean : null, std,
                0.01, true);
    }

    @Test
    void threeClassLossIsTheMultinomialLossToTheBit() {
        for (boolean intercept : new boolean[] {true, false}) {
            for (long seed = 1; seed <= 5; seed++) {
                int d = 17 + (int) seed;
                LogisticObjective f = objective(40, d, intercept, seed);
                Random r = new Random(100 + seed);
                double[] coef = new double[(d + (intercept ? 1 : 0)) * 3];
                for (int i = 0; i < coef.length; i++) {
                    // Large values too: the softmax's max-shift must take the same path.
                    coef[i] = r.nextGaussian() * (seed == 5 ? 40 : 1);
                }
                double[] g3 = new double[coef.length];
                double[] gk = new double[coef.length];
                double l3 = f.threeClassLoss(coef, g3);
                double lk = f.multinomialLoss(coef, gk);
                assertEquals(Double.doubleToRawLongBits(lk), Double.doubleToRawLongBits(l3), "loss, seed " + seed);
                for (int i = 0; i < coef.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(gk[i]), Double.doubleToRawLongBits(g3[i]),
                            "gradient " + i + ", seed " + seed + ", intercept " + intercept);
                }
            }
        }
    }
}
