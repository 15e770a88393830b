package org.cellactive.imaging;

import java.util.Arrays;

/**
 * Every value the gray plane of an 8-bit crop can hold, numbered in ascending order.
 *
 * <p>A gray pixel is {@code (r/255f + g/255f + b/255f) / 3f} (see {@link CellImage}), a float
 * that depends on the three bytes, not only on their sum. Yet there are only 1,177 such floats,
 * and each lies within rounding of its level {@code (r + g + b) / 765}: a level holds one to
 * three of them. So a crop can carry, beside its gray floats, each pixel's <em>code</em>, the
 * rank of its float in this table; a histogram over codes is then a plain count into 1,177
 * bins, in value order, where counting the floats themselves needs a search per pixel.
 *
 * <p>The table is built once, by enumerating the sums exactly as {@link CellImage} forms them.
 */
public final class GrayCodes {
    /** The distinct gray floats, ascending; a code is an index into this array. */
    private static final float[] VALUE;
    /** For level s = r + g + b (0..765): the code of the level's smallest float. */
    private static final short[] FIRST = new short[766];
    /**
     * For level s: the smallest channel sum {@code r/255f + g/255f + b/255f} whose third is the
     * level's second (third) float or more, +∞ when the level has fewer floats. Dividing by 3 is
     * monotone, so comparing the sum with these gives the code without dividing.
     */
    private static final float[] SECOND_SUM = new float[766];
    private static final float[] THIRD_SUM = new float[766];

    static {
        // r/255f + g/255f takes few distinct values; each then meets every blue level.
        float[] redGreen = new float[256 * 256];
        for (int r = 0, i = 0; r < 256; r++) {
            for (int g = 0; g < 256; g++) {
                redGreen[i++] = ByteLevels.value(r) + ByteLevels.value(g);
            }
        }
        float[] pairs = distinct(redGreen, redGreen.length);
        float[] all = new float[pairs.length * 256];
        int n = 0;
        for (float pair : pairs) {
            for (int b = 0; b < 256; b++) {
                all[n++] = (pair + ByteLevels.value(b)) / 3f;
            }
        }
        VALUE = distinct(all, n);
        // Each level's second and third floats, or +∞ when it has fewer.
        float[] second = new float[766];
        float[] third = new float[766];
        Arrays.fill(second, Float.POSITIVE_INFINITY);
        Arrays.fill(third, Float.POSITIVE_INFINITY);
        Arrays.fill(FIRST, (short) -1);
        for (int code = 0; code < VALUE.length; code++) {
            int level = levelOf(VALUE[code]);
            if (FIRST[level] < 0) {
                FIRST[level] = (short) code;
            } else if (code == FIRST[level] + 1) {
                second[level] = VALUE[code];
            } else if (code == FIRST[level] + 2) {
                third[level] = VALUE[code];
            } else {
                throw new AssertionError("more than three gray floats at level " + level);
            }
        }
        for (int level = 0; level < 766; level++) {
            SECOND_SUM[level] = smallestSumReaching(second[level]);
            THIRD_SUM[level] = smallestSumReaching(third[level]);
        }
    }

    /** The smallest float f with f / 3f &gt;= gray; +∞ for +∞. */
    private static float smallestSumReaching(float gray) {
        if (gray == Float.POSITIVE_INFINITY) {
            return gray;
        }
        float f = gray * 3f;
        while (f / 3f >= gray) {
            f = Math.nextDown(f);
        }
        while (f / 3f < gray) {
            f = Math.nextUp(f);
        }
        return f;
    }

    private GrayCodes() {
    }

    /** How many codes there are (1,177). */
    public static int count() {
        return VALUE.length;
    }

    /** The gray float of a code. */
    public static float value(int code) {
        return VALUE[code];
    }

    /**
     * How many gray floats lie below {@code threshold}: a pixel's float is below it exactly when
     * its code is below this count, as codes rank the floats.
     */
    public static int countBelow(double threshold) {
        int low = 0;
        int high = VALUE.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (VALUE[mid] < threshold) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The code of a pixel whose bytes sum to {@code levelSum}, from its channel sum
     * {@code (r/255f + g/255f) + b/255f}, the float {@link CellImage} divides by 3 to make the
     * gray value (as in {@link RgbImage#crop}), without the division.
     */
    static int codeOfSum(int levelSum, float channelSum) {
        return FIRST[levelSum] + (channelSum >= SECOND_SUM[levelSum] ? 1 : 0)
                + (channelSum >= THIRD_SUM[levelSum] ? 1 : 0);
    }

    /** The level a gray float rounds to: (r + g + b) for every float in the table. */
    private static int levelOf(float gray) {
        return (int) (gray * 765f + 0.5f);
    }

    /** The distinct values of {@code a[0..n)}, ascending. */
    private static float[] distinct(float[] a, int n) {
        float[] sorted = Arrays.copyOf(a, n);
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || sorted[i] != sorted[m - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, m);
    }
}
