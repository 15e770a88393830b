package org.cellactive.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ExactSum} gives the correctly rounded sum, whatever the order of the terms. */
class ExactSumTest {

    private static double sum(double... xs) {
        ExactSum s = new ExactSum();
        for (double x : xs) {
            s.add(x);
        }
        return s.value();
    }

    @Test
    void knownAnswers() {
        assertEquals(0.0, sum());
        // a plain loop gives 0.9999999999999999
        assertEquals(1.0, sum(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1));
        assertEquals(1e-100, sum(1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50));
        assertEquals(0.0, sum(1e308, -1e308, 1e-308, -1e-308));
        // half-even across partials: the 1e-16 makes 1e16 + 1 closer to 1e16 + 2 (as Python's fsum)
        assertEquals(1.0000000000000002e16, sum(1e-16, 1, 1e16));
        assertEquals(Double.POSITIVE_INFINITY, sum(1, Double.POSITIVE_INFINITY, 2));
        assertEquals(Double.NaN, sum(Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY));
        assertEquals(Double.NaN, sum(3, Double.NaN));
        // the ends of the range: subnormals add exactly; a plain loop gives infinity for the second in this order
        assertEquals(3 * Double.MIN_VALUE, sum(Double.MIN_VALUE, Double.MIN_VALUE, Double.MIN_VALUE));
        assertEquals(Double.MAX_VALUE, sum(Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE));
        assertEquals(Double.POSITIVE_INFINITY, sum(Double.MAX_VALUE, Double.MAX_VALUE));
        assertEquals(Double.NEGATIVE_INFINITY, sum(-Double.MAX_VALUE, -Double.MAX_VALUE));
        assertEquals(-Double.MIN_NORMAL, sum(-Double.MIN_NORMAL / 2, -Double.MIN_NORMAL / 2));
        // ties: 2^53 + 1 lies halfway between two doubles and rounds to the even one, 2^53
        assertEquals(9007199254740992.0, sum(9007199254740992.0, 1));
        assertEquals(9007199254740996.0, sum(9007199254740994.0, 1, 1e-300));
    }

    @Test
    void termsFromTheWholeDoubleRangeSumToTheCorrectlyRoundedExactSum() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            ExactSum sum = new ExactSum();
            ExactSum reversed = new ExactSum();
            BigDecimal exact = BigDecimal.ZERO;
            double[] terms = new double[50];
            for (int i = 0; i < terms.length; i++) {
                double x = Math.scalb(random.nextDouble() - 0.5, random.nextInt(2100) - 1075);
                terms[i] = x;
                exact = exact.add(new BigDecimal(x));
                sum.add(x);
            }
            for (int i = terms.length - 1; i >= 0; i--) {
                reversed.add(terms[i]);
            }
            assertEquals(exact.doubleValue(), sum.value(), "trial " + trial);
            assertEquals(sum.value(), reversed.value(), "trial " + trial);
        }
    }

    @Test
    void anyOrderAndAnySplitGiveTheCorrectlyRoundedSumsBits() {
        Random random = new Random(11);
        List<Double> terms = new ArrayList<>();
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < 3000; i++) {
            double x = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(41) - 20);
            terms.add(x);
            exact = exact.add(new BigDecimal(x));
        }
        double expected = exact.doubleValue();
        double plain = 0;
        for (double x : terms) {
            plain += x;
        }
        assertNotEquals(expected, plain, "the terms must be ones a plain loop gets wrong, or the test proves nothing");
        for (int trial = 0; trial < 20; trial++) {
            Collections.shuffle(terms, random);
            // split into parts at random, sum each, merge the parts in a random order
            List<ExactSum> parts = new ArrayList<>();
            ExactSum part = new ExactSum();
            for (double x : terms) {
                part.add(x);
                if (random.nextInt(100) == 0) {
                    parts.add(part);
                    part = new ExactSum();
                }
            }
            parts.add(part);
            Collections.shuffle(parts, random);
            ExactSum total = new ExactSum();
            for (ExactSum p : parts) {
                total.merge(p);
            }
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(total.value()),
                    "trial " + trial);
        }
    }
}
