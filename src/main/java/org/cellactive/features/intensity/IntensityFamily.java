package org.cellactive.features.intensity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cellactive.features.MeasurementFamily;
import org.cellactive.features.SameSize;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.ObjectMask;

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
    private static final ThreadLocal<LevelHistogram> HISTOGRAMS = ThreadLocal.withInitial(LevelHistogram::new);

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
        int width = mask.width();
        boolean[] inside = mask.inside();
        int n = 0;
        for (boolean b : inside) {
            if (b) n++;
        }
        int[] pixels = new int[n];
        int[] xs = new int[n];
        int[] ys = new int[n];
        int[] edge = new int[n];
        int edges = 0;
        int k = 0;
        double sumX = 0;
        double sumY = 0;
        int height = mask.height();
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                if (!inside[i]) continue;
                pixels[k] = i;
                xs[k] = x;
                ys[k++] = y;
                sumX += x;
                sumY += y;
                // A neighbour beyond the crop counts as outside the object.
                if (x == 0 || !inside[i - 1] || x == width - 1 || !inside[i + 1]
                        || y == 0 || !inside[i - width] || y == height - 1 || !inside[i + width]) {
                    edge[edges++] = i;
                }
            }
        }
        double centroidX = sumX / n;
        double centroidY = sumY / n;
        LevelHistogram histogram = HISTOGRAMS.get();
        float[] values = null;
        int o = offset;
        for (Channel channel : channels) {
            float[] plane = image.plane(channel);
            double sum = 0;
            double weightedX = 0;
            double weightedY = 0;
            for (int j = 0; j < n; j++) {
                float v = plane[pixels[j]];
                sum += v;
                weightedX += (double) xs[j] * v;
                weightedY += (double) ys[j] * v;
            }
            double mean = sum / n;
            boolean counted = histogram.build(plane, pixels, n);
            if (!counted) {
                if (values == null) values = new float[n];
                for (int j = 0; j < n; j++) values[j] = plane[pixels[j]];
                UnitIntervalSort.sort(values, n);
            }
            out[o++] = sum;
            out[o++] = mean;
            out[o++] = counted ? histogram.populationStd(mean) : populationStd(values, n, mean);
            out[o++] = counted ? histogram.min() : values[0];
            out[o++] = counted ? histogram.max() : values[n - 1];
            o = measureEdge(plane, edge, edges, out, o);
            double dx = centroidX - weightedX / sum;
            double dy = centroidY - weightedY / sum;
            out[o++] = finite(Math.sqrt(dx * dx + dy * dy));
            if (counted) {
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

    private static int measureEdge(float[] plane, int[] edge, int edges, double[] out, int o) {
        if (edges == 0) {
            // Cannot happen for a mask inside a finite crop, but CellProfiler writes 0 then.
            for (int i = 0; i < 5; i++) out[o++] = 0;
            return o;
        }
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < edges; j++) {
            float v = plane[edge[j]];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / edges;
        double squares = 0;
        for (int j = 0; j < edges; j++) {
            double d = plane[edge[j]] - mean;
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
