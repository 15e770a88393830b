package org.cellactive.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdTest {
    private static float[] levels(float[] values, int[] counts) {
        float[] out = new float[Arrays.stream(counts).sum()];
        int o = 0;
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < counts[i]; k++) {
                out[o++] = values[i];
            }
        }
        return out;
    }

    @Test
    void otsuOfTwoLevelsIsTheCentreOfTheFirstBin() {
        // Every split between bin 0 and bin 255 has the same variance; argmax keeps the first.
        assertEquals(0.5 / 256, Threshold.otsu(levels(new float[] {0f, 1f}, new int[] {50, 50})), 1e-12);
    }

    @Test
    void otsuOfThreeLevelsByHand() {
        // 60 at 0, 20 at 0.25 (bin 64), 20 at 1 (bin 255). Bin centres relative to bin 0: 0, 0.25, 255/256.
        // Split after bin 0:  60*40*(0 - (0.25+0.99609375)/2)^2        = 931.6
        // Split after bin 64: 80*20*((20*0.25/80) - 0.99609375)^2       = 1394.6  <- largest
        // so the threshold is the centre of bin 64: 64.5/256.
        float[] values = levels(new float[] {0f, 0.25f, 1f}, new int[] {60, 20, 20});
        assertEquals(64.5 / 256, Threshold.otsu(values), 1e-12);
    }

    @Test
    void otsuWorksOnAnyRange() {
        // Same shape as above, shifted and scaled: range [2, 6], so the threshold is 2 + 4 * 64.5/256.
        float[] values = levels(new float[] {2f, 3f, 6f}, new int[] {60, 20, 20});
        assertEquals(2 + 4 * 64.5 / 256, Threshold.otsu(values), 1e-9);
    }

    @Test
    void otsuMatchesTheScikitImageDefinitionOnNoisyBimodalData() {
        float[] values = bimodal(new Random(7), 5000);
        assertEquals(referenceOtsu(values), Threshold.otsu(values), 1e-9);
    }

    @Test
    void liOfThreeValuesByHand() {
        // Shifted values 0, 1, 3; tolerance 1/2; start at the mean 4/3.
        // Step 1: foreground {3} mean 3, background {0, 1} mean 1/2:
        //   t = (1/2 - 3) / (ln 1/2 - ln 3) = 2.5 / ln 6 = 1.3953, within 1/2 of 4/3: stop.
        assertEquals(10 + 2.5 / Math.log(6), Threshold.li(new float[] {10f, 11f, 13f}), 1e-5);
    }

    @Test
    void liStopsWhenTheBackgroundIsAllZero() {
        // Shifted values 0 and 1: after one step the background mean is 0, so t stays at the mean.
        assertEquals(0.5, Threshold.li(levels(new float[] {0f, 1f}, new int[] {30, 30})), 1e-12);
    }

    @Test
    void liMatchesTheScikitImageLoopOnNoisyBimodalData() {
        float[] values = bimodal(new Random(11), 5000);
        assertEquals(referenceLi(values), Threshold.li(values), 1e-6);
    }

    @Test
    void constantInputReturnsItsValue() {
        float[] flat = new float[100];
        Arrays.fill(flat, 0.42f);
        assertEquals(0.42f, Threshold.otsu(flat), 0);
        assertEquals(0.42f, Threshold.li(flat), 0);
        assertEquals(0.42f, ThresholdMethod.LI.threshold(flat), 0);
    }

    @Test
    void methodsParseFromOptionText() {
        assertEquals(ThresholdMethod.OTSU, ThresholdMethod.parse("otsu"));
        assertEquals(ThresholdMethod.LI, ThresholdMethod.parse(" Li "));
    }

    /** Dark cell pixels around 0.35 and bright background around 0.8, on the 1/765 grid of gray from 8-bit RGB. */
    private static float[] bimodal(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            double v = i % 3 == 0 ? 0.35 + 0.06 * random.nextGaussian() : 0.8 + 0.04 * random.nextGaussian();
            values[i] = Math.round(Math.max(0, Math.min(1, v)) * 765) / 765f;
        }
        return values;
    }

    /** threshold_otsu transcribed with whole arrays, as numpy does it (cumsum from both ends). */
    private static double referenceOtsu(float[] values) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int bins = 256;
        double[] counts = new double[bins];
        for (float v : values) {
            counts[Math.min(bins - 1, (int) ((v - min) / (max - min) * bins))]++;
        }
        double[] centres = new double[bins];
        for (int i = 0; i < bins; i++) {
            centres[i] = min + (i + 0.5) * (max - min) / bins;
        }
        double[] weight1 = new double[bins];
        double[] weight2 = new double[bins];
        double[] mean1 = new double[bins];
        double[] mean2 = new double[bins];
        double w = 0;
        double s = 0;
        for (int i = 0; i < bins; i++) {
            w += counts[i];
            s += counts[i] * centres[i];
            weight1[i] = w;
            mean1[i] = s / w;
        }
        w = 0;
        s = 0;
        for (int i = bins - 1; i >= 0; i--) {
            w += counts[i];
            s += counts[i] * centres[i];
            weight2[i] = w;
            mean2[i] = s / w;
        }
        int best = 0;
        double bestVariance = -1;
        for (int i = 0; i < bins - 1; i++) {
            double d = mean1[i] - mean2[i + 1];
            double variance = weight1[i] * weight2[i + 1] * d * d;
            if (variance > bestVariance) {
                bestVariance = variance;
                best = i;
            }
        }
        return centres[best];
    }

    /** threshold_li's float branch transcribed: a pass over every value each step. */
    private static double referenceLi(float[] values) {
        double min = Double.MAX_VALUE;
        for (float v : values) {
            min = Math.min(min, v);
        }
        double[] image = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            image[i] = values[i] - min;
        }
        double[] unique = Arrays.stream(image).sorted().distinct().toArray();
        double tolerance = Double.MAX_VALUE;
        for (int i = 1; i < unique.length; i++) {
            tolerance = Math.min(tolerance, unique[i] - unique[i - 1]);
        }
        tolerance /= 2;
        double next = Arrays.stream(image).average().orElseThrow();
        double current = -2 * tolerance;
        while (Math.abs(next - current) > tolerance) {
            current = next;
            double sumFore = 0;
            double sumBack = 0;
            int fore = 0;
            for (double v : image) {
                if (v > current) {
                    sumFore += v;
                    fore++;
                } else {
                    sumBack += v;
                }
            }
            double meanFore = sumFore / fore;
            double meanBack = sumBack / (image.length - fore);
            if (meanBack == 0) {
                break;
            }
            next = (meanBack - meanFore) / (Math.log(meanBack) - Math.log(meanFore));
        }
        return next + min;
    }

    @Test
    void otsuFromGrayCodesEqualsOtsuFromTheFloatsBitForBit() {
        Random random = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            CellImage crop = RandomCrops.of(random, 60);
            assertEquals(Threshold.otsu(crop.gray()), Threshold.otsuOfGrayCodes(crop.levels().grayCodes()),
                    "trial " + trial);
            assertEquals(Threshold.otsu(crop.gray()), ThresholdMethod.OTSU.threshold(crop));
        }
    }
}
