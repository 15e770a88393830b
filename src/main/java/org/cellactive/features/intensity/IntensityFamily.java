package org.cellactive.features.intensity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cellactive.features.family.MeasurementFamily;
import org.cellactive.features.SameSize;
import org.cellactive.imaging.ByteLevels;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.imaging.ScratchArrays;

/**
 * CellProfiler's MeasureObjectIntensity, per object and per channel (values 0..1).
 *
 * <p>Columns are {@code Intensity_<Measure>_<Channel>}, channel by channel, measures in
 * CellProfiler's order: IntegratedIntensity, MeanIntensity, StdIntensity, MinIntensity,
 * MaxIntensity, IntegratedIntensityEdge, MeanIntensityEdge, StdIntensityEdge,
 * MinIntensityEdge, MaxIntensityEdge, MassDisplacement, LowerQuartileIntensity,
 * MedianIntensity, MADIntensity, UpperQuartileIntensity.
 *
 * <p>Definitions follow CellProfiler: standard deviations divide by n; quantiles and MAD
 * use {@link CellProfilerQuantile}. Edge pixels are scikit-image's
 * {@code find_boundaries(mode="inner")} with its default connectivity 1: object pixels
 * with at least one 4-neighbour outside the object. One difference: CellProfiler sees the
 * whole image, where a pixel on the image border is not an edge by that fact alone; here
 * the image is the crop, and a pixel beyond the crop counts as outside the object, so an
 * object cut by its box has an edge along the cut. MassDisplacement is the distance, in
 * pixels, between the mask centroid and the intensity-weighted centroid. NaN (e.g. the mass
 * displacement of an all-black object) is written as 0.
 */
public final class IntensityFamily implements MeasurementFamily {
    private static final long serialVersionUID = 1L;

    /** CellProfiler's measurement names, in its column order. */
    public static final List<String> MEASURES = List.of(
            "IntegratedIntensity", "MeanIntensity", "StdIntensity", "MinIntensity", "MaxIntensity",
            "IntegratedIntensityEdge", "MeanIntensityEdge", "StdIntensityEdge", "MinIntensityEdge",
            "MaxIntensityEdge", "MassDisplacement", "LowerQuartileIntensity", "MedianIntensity",
            "MADIntensity", "UpperQuartileIntensity");

    /** Per-thread scratch: the family itself stays immutable and shareable. */
    private static final ThreadLocal<LevelHistogram[]> HISTOGRAMS = ThreadLocal.withInitial(() -> new LevelHistogram[] {
        new LevelHistogram(), new LevelHistogram(), new LevelHistogram(), new LevelHistogram()});
    /**
     * Per-thread work arrays: the object's pixel indices, x, y, and its edge pixels (as positions
     * in the object's list); each channel's values over the object (float slots 0..3), and a
     * sorted copy (slot 4).
     */
    private static final ThreadLocal<ScratchArrays> SCRATCH =
            ThreadLocal.withInitial(() -> new ScratchArrays(4, 0, 5, 0));
    private static final int SORTED_SLOT = 4;

    private final List<Channel> channels;
    private final List<String> columns;

    /** All four channels: Gray, Red, Green, Blue. */
    public IntensityFamily() {
        this(List.of(Channel.GRAY, Channel.RED, Channel.GREEN, Channel.BLUE));
    }

    public IntensityFamily(List<Channel> channels) {
        if (channels.isEmpty() || channels.stream().distinct().count() != channels.size()) {
            throw new IllegalArgumentException("intensity channels must be distinct and not empty: " + channels);
        }
        this.channels = List.copyOf(channels);
        List<String> names = new ArrayList<>();
        for (Channel channel : this.channels) {
            for (String measure : MEASURES) {
                names.add("Intensity_" + measure + "_" + channel.columnName());
            }
        }
        this.columns = Collections.unmodifiableList(names);
    }

    public List<Channel> channels() {
        return channels;
    }

    @Override
    public String name() {
        return "Intensity";
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void measure(CellImage image, ObjectMask mask, double[] out, int offset) {
        SameSize.check(image, mask);
        try {
            measureObject(image, mask, out, offset);
        } catch (RuntimeException | Error e) {
            // The per-thread histograms may be left half counted: the next cell starts from new ones.
            HISTOGRAMS.remove();
            throw e;
        }
    }

    private void measureObject(CellImage image, ObjectMask mask, double[] out, int offset) {
        int width = mask.width();
        boolean[] inside = mask.inside();
        int n = mask.area();
        if (n == 0) {
            // Said plainly: reused work arrays would otherwise hold another cell's values.
            throw new IllegalArgumentException("mask holds no object pixel");
        }
        ScratchArrays scratch = SCRATCH.get();
        int[] pixels = scratch.ints(0, n);
        int[] xs = scratch.ints(1, n);
        int[] ys = scratch.ints(2, n);
        int[] edge = scratch.ints(3, n);
        int edges = 0;
        int k = 0;
        double sumX = 0;
        double sumY = 0;
        int height = mask.height();
        for (int y = 0, i = 0; y < height; y++) {
            boolean borderRow = y == 0 || y == height - 1;
            for (int x = 0; x < width; x++, i++) {
                if (!inside[i]) continue;
                edge[edges] = k;
                pixels[k] = i;
                xs[k] = x;
                ys[k++] = y;
                sumX += x;
                sumY += y;
                // An edge pixel has a 4-neighbour outside the object; beyond the crop counts as
                // outside. Inside the crop's border the four are read without a branch each
                // (the object's outline is where branches would be mispredicted).
                boolean edgePixel = borderRow || x == 0 || x == width - 1
                        || !(inside[i - 1] & inside[i + 1] & inside[i - width] & inside[i + width]);
                edges += edgePixel ? 1 : 0;
            }
        }
        double centroidX = sumX / n;
        double centroidY = sumY / n;
        LevelHistogram[] histograms = HISTOGRAMS.get();
        // Each channel's values over the object, in pixel order, and their histogram: an 8-bit
        // crop's from its bytes and gray codes, so its float planes are never made. Channels are
        // distinct, so there are at most four; all are counted before the standard deviations,
        // which four histograms compute side by side.
        float[][] planes = new float[channels.size()][];
        boolean[] counted = new boolean[planes.length];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = scratch.floats(c, n);
            counted[c] = gatherAndCount(image, channels.get(c), pixels, n, planes[c], histograms[c]);
        }
        double[] sums = objectSums(planes, xs, ys, n);
        double[] means = new double[planes.length];
        for (int c = 0; c < planes.length; c++) {
            means[c] = sums[3 * c] / n;
        }
        double[] stds = new double[planes.length];
        if (planes.length == 4 && counted[0] && counted[1] && counted[2] && counted[3]) {
            LevelHistogram.populationStds(histograms, means, stds);
        } else {
            for (int c = 0; c < planes.length; c++) {
                stds[c] = counted[c] ? histograms[c].populationStd(means[c]) : Double.NaN;
            }
        }
        float[] values = null;
        int o = offset;
        for (int c = 0; c < planes.length; c++) {
            float[] plane = planes[c];
            LevelHistogram histogram = histograms[c];
            double sum = sums[3 * c];
            double weightedX = sums[3 * c + 1];
            double weightedY = sums[3 * c + 2];
            double mean = means[c];
            if (!counted[c]) {
                values = scratch.floats(SORTED_SLOT, n);
                System.arraycopy(plane, 0, values, 0, n);
                UnitIntervalSort.sort(values, n);
            }
            out[o++] = sum;
            out[o++] = mean;
            out[o++] = counted[c] ? stds[c] : populationStd(values, n, mean);
            out[o++] = counted[c] ? histogram.min() : values[0];
            out[o++] = counted[c] ? histogram.max() : values[n - 1];
            o = measureEdge(plane, edge, edges, out, o);
            double dx = centroidX - weightedX / sum;
            double dy = centroidY - weightedY / sum;
            out[o++] = finite(Math.sqrt(dx * dx + dy * dy));
            if (counted[c]) {
                double median = histogram.quantile(0.5);
                out[o++] = histogram.quantile(0.25);
                out[o++] = median;
                out[o++] = histogram.medianAbsoluteDeviation(median);
                out[o++] = histogram.quantile(0.75);
            } else {
                double median = CellProfilerQuantile.of(values, n, 0.5);
                out[o++] = CellProfilerQuantile.of(values, n, 0.25);
                out[o++] = median;
                out[o++] = CellProfilerQuantile.medianAbsoluteDeviation(values, n, median);
                out[o++] = CellProfilerQuantile.of(values, n, 0.75);
            }
        }
    }

    /**
     * The channel's values at the object's {@code n} pixels, in order, into {@code into}, and
     * {@code histogram} filled with them; an 8-bit crop's are looked up and counted by byte or
     * gray code in the same pass. False when the histogram could not hold the values (a float
     * crop with too many distinct ones): then the caller sorts them instead.
     */
    private static boolean gatherAndCount(CellImage image, Channel channel, int[] pixels, int n, float[] into,
                                          LevelHistogram histogram) {
        ByteLevels levels = image.levels();
        if (levels == null) {
            float[] plane = image.plane(channel);
            for (int j = 0; j < n; j++) {
                into[j] = plane[pixels[j]];
            }
            return histogram.build(plane, pixels, n);
        }
        if (channel == Channel.GRAY) {
            histogram.countGrayCodes(levels.grayCodes(), pixels, n, into);
        } else {
            histogram.countBytes(levels.colour(channel), pixels, n, into);
        }
        return true;
    }

    /**
     * Σv, Σx·v and Σy·v of each channel's object values, at [3c], [3c + 1], [3c + 2]. Every
     * sum runs in pixel order; four channels share one pass, so their twelve sums, each a chain
     * of dependent additions, proceed side by side instead of one channel after another.
     */
    private static double[] objectSums(float[][] planes, int[] xs, int[] ys, int n) {
        double[] sums = new double[3 * planes.length];
        int c = 0;
        for (; c + 4 <= planes.length; c += 4) {
            float[] p0 = planes[c];
            float[] p1 = planes[c + 1];
            float[] p2 = planes[c + 2];
            float[] p3 = planes[c + 3];
            double s0 = 0, x0 = 0, y0 = 0, s1 = 0, x1 = 0, y1 = 0;
            double s2 = 0, x2 = 0, y2 = 0, s3 = 0, x3 = 0, y3 = 0;
            for (int j = 0; j < n; j++) {
                double x = xs[j];
                double y = ys[j];
                float v0 = p0[j];
                float v1 = p1[j];
                float v2 = p2[j];
                float v3 = p3[j];
                s0 += v0;
                x0 += x * v0;
                y0 += y * v0;
                s1 += v1;
                x1 += x * v1;
                y1 += y * v1;
                s2 += v2;
                x2 += x * v2;
                y2 += y * v2;
                s3 += v3;
                x3 += x * v3;
                y3 += y * v3;
            }
            double[] four = {s0, x0, y0, s1, x1, y1, s2, x2, y2, s3, x3, y3};
            System.arraycopy(four, 0, sums, 3 * c, four.length);
        }
        for (; c < planes.length; c++) {
            float[] plane = planes[c];
            double sum = 0;
            double weightedX = 0;
            double weightedY = 0;
            for (int j = 0; j < n; j++) {
                float v = plane[j];
                sum += v;
                weightedX += (double) xs[j] * v;
                weightedY += (double) ys[j] * v;
            }
            sums[3 * c] = sum;
            sums[3 * c + 1] = weightedX;
            sums[3 * c + 2] = weightedY;
        }
        return sums;
    }

    /** The five edge measures of one channel: {@code edge} holds positions in its object {@code values}. */
    private static int measureEdge(float[] values, int[] edge, int edges, double[] out, int o) {
        if (edges == 0) {
            // Cannot happen for a mask inside a finite crop, but CellProfiler writes 0 then.
            for (int i = 0; i < 5; i++) out[o++] = 0;
            return o;
        }
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < edges; j++) {
            float v = values[edge[j]];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / edges;
        double squares = 0;
        for (int j = 0; j < edges; j++) {
            double d = values[edge[j]] - mean;
            squares += d * d;
        }
        out[o++] = sum;
        out[o++] = mean;
        out[o++] = Math.sqrt(squares / edges);
        out[o++] = min;
        out[o++] = max;
        return o;
    }

    private static double populationStd(float[] values, int n, double mean) {
        double squares = 0;
        for (int j = 0; j < n; j++) {
            double d = values[j] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / n);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
