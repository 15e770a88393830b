package org.cellactive.features.color;

import java.util.List;
import org.cellactive.features.family.MeasurementFamily;
import org.cellactive.features.SameSize;
import org.cellactive.features.intensity.CellProfilerQuantile;
import org.cellactive.imaging.ByteLevels;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.imaging.ScratchArrays;

/**
 * This project's own colour features (not CellProfiler's), per object, from the red,
 * green and blue planes (0..1). They target the stain: in Wright/Giemsa smears WBC nuclei
 * and platelets are blue-violet, red cells pink-red.
 *
 * <ul>
 * <li>{@code Color_RatioBlueRed}, {@code Color_RatioBlueGreen}, {@code Color_RatioRedGreen}:
 *     ratios of the channel means over the object (0 when the denominator is 0).</li>
 * <li>{@code Color_MeanSaturation}, {@code Color_StdSaturation} (÷n),
 *     {@code Color_MedianSaturation} (CellProfiler's quantile rule): HSV saturation
 *     (max − min)/max, 0 for black pixels.</li>
 * <li>{@code Color_MeanHue}: the saturation-weighted circular mean of HSV hue, in degrees
 *     0..360 (0 when no pixel has any saturation); {@code Color_HueConcentration}: the
 *     length of that weighted mean resultant, |Σ s·e^{ih}| / Σ s, 0..1 (1 = one hue).
 *     cos and sin come from a 0.1° table with linear interpolation (error &lt; 4e−7).</li>
 * <li>{@code Color_PurpleFraction}: the share of object pixels that look stained, with
 *     saturation ≥ 0.15 and hue in [210°, 300°). The band comes from BCCD: among box
 *     pixels with saturation ≥ 0.15, WBC boxes put most of them at 240–270° and red cells
 *     at 330–30°.</li>
 * </ul>
 */
public final class ColorFamily implements MeasurementFamily {
    private static final long serialVersionUID = 1L;
    /** Saturation below which a pixel has no reliable hue for the purple test. */
    public static final double PURPLE_MIN_SATURATION = 0.15;
    public static final double PURPLE_HUE_FROM = 210;
    public static final double PURPLE_HUE_TO = 300;

    /** cos and sin of hue every 0.1 degree; linear interpolation errs by under 4e-7. */
    private static final int HUE_STEPS_PER_DEGREE = 10;
    private static final double[] COS = new double[360 * HUE_STEPS_PER_DEGREE + 2];
    private static final double[] SIN = new double[COS.length];

    static {
        for (int i = 0; i < COS.length; i++) {
            double radians = Math.toRadians((double) i / HUE_STEPS_PER_DEGREE);
            COS[i] = Math.cos(radians);
            SIN[i] = Math.sin(radians);
        }
    }

    /** The 8-bit level k as the planes hold it ({@link ByteLevels#value}), widened once here. */
    private static final double[] UNIT = new double[256];
    /** {@link #saturation} of the levels (max, min), at [max << 8 | min]: 64 Ki doubles, 512 KiB. */
    private static final double[] SATURATION = new double[256 * 256];

    static {
        for (int k = 0; k < 256; k++) {
            UNIT[k] = ByteLevels.value(k);
        }
        for (int max = 0; max < 256; max++) {
            for (int min = 0; min <= max; min++) {
                SATURATION[max << 8 | min] = saturation(UNIT[max], UNIT[min]);
            }
        }
    }

    /** Per-thread work array: the object's saturations. */
    private static final ThreadLocal<ScratchArrays> SCRATCH =
            ThreadLocal.withInitial(() -> new ScratchArrays(0, 0, 1, 0));

    private static final List<String> COLUMNS = List.of(
            "Color_RatioBlueRed", "Color_RatioBlueGreen", "Color_RatioRedGreen",
            "Color_MeanSaturation", "Color_StdSaturation", "Color_MedianSaturation",
            "Color_MeanHue", "Color_HueConcentration", "Color_PurpleFraction");

    @Override
    public String name() {
        return "Color";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void measure(CellImage image, ObjectMask mask, double[] out, int offset) {
        SameSize.check(image, mask);
        ByteLevels levels = image.levels();
        boolean bytes = levels != null;
        // An 8-bit crop is read from its bytes only; its float planes are never made.
        float[] red = bytes ? null : image.red();
        float[] green = bytes ? null : image.green();
        float[] blue = bytes ? null : image.blue();
        byte[] redBytes = bytes ? levels.red() : null;
        byte[] greenBytes = bytes ? levels.green() : null;
        byte[] blueBytes = bytes ? levels.blue() : null;
        boolean[] inside = mask.inside();
        float[] saturation = SCRATCH.get().floats(0, inside.length);
        int n = 0;
        double sumR = 0;
        double sumG = 0;
        double sumB = 0;
        double sumS = 0;
        double hueX = 0;
        double hueY = 0;
        int purple = 0;
        for (int i = 0; i < inside.length; i++) {
            if (!inside[i]) continue;
            double r;
            double g;
            double b;
            double max;
            double min;
            double s;
            if (bytes) {
                // The same doubles as below, from the bytes: k/255f orders as k does, and the
                // saturation of a (max, min) pair is a table entry computed by the same formula.
                int rk = redBytes[i] & 0xff;
                int gk = greenBytes[i] & 0xff;
                int bk = blueBytes[i] & 0xff;
                int maxK = Math.max(rk, Math.max(gk, bk));
                int minK = Math.min(rk, Math.min(gk, bk));
                r = UNIT[rk];
                g = UNIT[gk];
                b = UNIT[bk];
                max = UNIT[maxK];
                min = UNIT[minK];
                s = SATURATION[maxK << 8 | minK];
            } else {
                r = red[i];
                g = green[i];
                b = blue[i];
                max = Math.max(r, Math.max(g, b));
                min = Math.min(r, Math.min(g, b));
                s = saturation(max, min);
            }
            sumR += r;
            sumG += g;
            sumB += b;
            saturation[n++] = (float) s;
            sumS += s;
            if (max > min) {
                double hue = hueDegrees(r, g, b, max, max - min);
                double position = hue * HUE_STEPS_PER_DEGREE;
                int step = (int) position;
                double frac = position - step;
                hueX += s * (COS[step] + frac * (COS[step + 1] - COS[step]));
                hueY += s * (SIN[step] + frac * (SIN[step + 1] - SIN[step]));
                if (s >= PURPLE_MIN_SATURATION && hue >= PURPLE_HUE_FROM && hue < PURPLE_HUE_TO) {
                    purple++;
                }
            }
        }
        double meanS = sumS / n;
        double squares = 0;
        for (int j = 0; j < n; j++) {
            double d = saturation[j] - meanS;
            squares += d * d;
        }
        double meanHue = 0;
        double concentration = 0;
        if (sumS > 0) {
            double resultant = Math.hypot(hueX, hueY);
            concentration = Math.min(1, resultant / sumS);
            if (resultant > 0) {
                meanHue = Math.toDegrees(Math.atan2(hueY, hueX));
                if (meanHue < 0) meanHue += 360;
            }
        }
        double[] values = {
            ratio(sumB, sumR), ratio(sumB, sumG), ratio(sumR, sumG),
            meanS, Math.sqrt(squares / n), CellProfilerQuantile.medianOfUnsorted(saturation, n),
            meanHue, concentration, (double) purple / n,
        };
        for (int k = 0; k < values.length; k++) {
            out[offset + k] = Double.isFinite(values[k]) ? values[k] : 0;
        }
    }

    /** HSV saturation of a pixel whose largest and smallest channel values are {@code max} and {@code min}. */
    private static double saturation(double max, double min) {
        return max > 0 ? (max - min) / max : 0;
    }

    /** HSV hue in degrees [0, 360) for a pixel with chroma {@code delta} &gt; 0. */
    static double hueDegrees(double r, double g, double b, double max, double delta) {
        double h;
        if (max == r) {
            h = 60 * ((g - b) / delta);
        } else if (max == g) {
            h = 60 * ((b - r) / delta + 2);
        } else {
            h = 60 * ((r - g) / delta + 4);
        }
        return h < 0 ? h + 360 : h;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : 0;
    }
}
