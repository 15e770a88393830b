package org.cellactive.segmentation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.RgbImage;

/**
 * Finds every cell of a stained blood smear image, following CellProfiler's IdentifyPrimaryObjects,
 * with colour where gray alone fails.
 *
 * <ol>
 *   <li><b>Planes.</b> The image is binned 2x2 (means) first: smear frames like BCCD's hold no
 *       detail finer than that (their JPEG colour is stored at half resolution), and every later
 *       step then costs a quarter. Two planes are made: <i>darkness</i>, 1 - green (haemoglobin and
 *       stain both absorb green, so every cell is darker there than the background), and
 *       <i>stain</i>, max(0, blue - green): the purple of nuclei and platelets, and, fainter, of a
 *       white cell's cytoplasm. Both are smoothed with a Gaussian.</li>
 *   <li><b>Global threshold</b> of the smoothed darkness (Otsu or Li, as scikit-image computes
 *       them); the foreground is darker than it. <b>Holes are filled.</b></li>
 *   <li><b>Stained objects, found whole.</b> Gray alone keeps a white cell's purple nucleus and
 *       loses its pale cytoplasm. So stained objects are grown by hysteresis on the stain plane:
 *       every component of {@code stain > low} that holds a pixel of {@code stain > high} is one
 *       object (nucleus lobes and cytoplasm together), its holes filled. These are the white
 *       cells and platelets; they are taken out of the foreground before declumping.</li>
 *   <li><b>Declumping</b> of the rest (red cells touching each other): seeds are the local maxima
 *       of the distance to the background ({@link Declump#SHAPE}) or of the smoothed darkness
 *       ({@link Declump#INTENSITY}), no two closer than the suppression distance; then a
 *       {@link SeededWatershed} on that same plane splits each clump among its seeds. With
 *       {@link Declump#CELLS} (the default), a shape model of the image's red cells follows
 *       ({@link ShapeRefinement}): the typical cell's area is measured on the convex objects,
 *       touching fragments whose union is one typical disc are merged, and objects of k >= 2
 *       typical areas are split into k by k-means on their pixels.</li>
 *   <li><b>Size limits</b>: objects whose equivalent diameter lies outside
 *       [{@code minDiameter}, {@code maxDiameter}] are dropped. <b>Border objects</b> are dropped
 *       unless {@code keepBorder}.</li>
 * </ol>
 *
 * <p>Pure Java, immutable, safe to share between threads.
 */
public final class ImageSegmenter implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Side of the square of pixels averaged into one before segmenting. */
    static final int BIN = 2;
    /** Gaussian sigma of the darkness and stain planes, in binned pixels. */
    static final double SMOOTHING_SIGMA = 1.0;
    /** Stain (blue - green, 0..1) above which a pixel seeds a stained object: nuclei, platelets. */
    static final float STAIN_HIGH = 36 / 255f;
    /** Stain above which a pixel may belong to a stained object: their cytoplasm. */
    static final float STAIN_LOW = 16 / 255f;
    /**
     * How far above the image's red-cell tint (the median stain of the foreground) a stained
     * object's seed and its pixels must be: on slides whose red cells are lilac, the fixed levels
     * alone take whole red cells for stained objects.
     */
    static final float TINT_HIGH = 22 / 255f;
    static final float TINT_LOW = 6 / 255f;
    /** Seed pixels a stained object needs, in binned pixels: fewer is JPEG noise. */
    static final int STAIN_MIN_SEED = 6;
    /** Radius (binned pixels) stained objects grow by: the pale rim of platelets, the faint edge of cytoplasm. */
    static final int STAIN_GROWTH = 2;
    /** A shape seed lies at least this fraction of the smallest diameter inside the foreground. */
    static final double SEED_DEPTH = 0.4;
    /** A shape seed's dynamic (h of the h-maxima), in image pixels of distance. */
    static final double SEED_DYNAMIC = 1.0;
    /**
     * Image pixels a found object's box is widened by on every side (clipped to the image): the
     * threshold's outline lies a few pixels inside the edge a person draws the box at.
     */
    static final int BOX_PAD = 3;
    /**
     * The same for objects found as dark (red) cells, which sit further inside: with a 3 px pad,
     * the sides of the red objects that match a BCCD box lay a median 3 px inside the annotators'
     * sides (12,506 sides, shape model on), against 0 and 1 px for white cells and platelets.
     */
    static final int RED_BOX_PAD = 6;
    private static final int LEVELS = 1024;

    private final SegmentationSettings settings;

    public ImageSegmenter(SegmentationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public SegmentationSettings settings() {
        return settings;
    }

    /** Every object found, in row-major order of their first pixel: red cells first, then stained ones. */
    public List<SegmentedObject> segment(RgbImage image) {
        return segmentLabels(image).objects();
    }

    /** The objects and their label image (binned), for overlays. */
    public Segmentation segmentLabels(RgbImage image) {
        Planes planes = Planes.of(image, BIN);
        int w = planes.width;
        int h = planes.height;
        int n = w * h;
        float[] darkness = Smoothing.gaussian(planes.darkness, w, h, SMOOTHING_SIGMA);
        float[] stain = Smoothing.gaussian(planes.stain, w, h, SMOOTHING_SIGMA);

        double t = settings.threshold().threshold(darkness);
        byte[] foreground = new byte[n];
        for (int i = 0; i < n; i++) {
            foreground[i] = (byte) (darkness[i] > t ? 1 : 0);
        }
        ConnectedComponents.fillHoles(foreground, w, h);

        int[] stainedLabels = new int[n];
        float tint = tint(stain, foreground);
        float low = Math.max(STAIN_LOW, tint + TINT_LOW);
        float high = Math.max(STAIN_HIGH, tint + TINT_HIGH);
        int stainedCount = stainedObjects(stain, w, h, stainedLabels, low, high);

        byte[] rest = new byte[n];
        for (int i = 0; i < n; i++) {
            rest[i] = (byte) (foreground[i] != 0 && stainedLabels[i] == 0 ? 1 : 0);
        }
        int[] labels = new int[n];
        int redCount = declump(rest, darkness, w, h, labels);
        for (int i = 0; i < n; i++) {
            if (stainedLabels[i] > 0) {
                labels[i] = redCount + stainedLabels[i];
            }
        }
        return ObjectTable.of(labels, redCount, redCount + stainedCount, w, h, BIN, image.width(), image.height(),
                settings);
    }

    /**
     * Hysteresis on the stain plane; labels 1..k of the kept components (holes filled) in
     * {@code labels}; returns k.
     */
    /**
     * The red cells' tint: the median of {@code stain} over the foreground pixels below
     * {@link #STAIN_HIGH} (to 1/1024), so that nuclei and a large white cell's cytoplasm do not
     * count; 0 when there are none.
     */
    static float tint(float[] stain, byte[] foreground) {
        int bins = 1024;
        int[] hist = new int[bins + 1];
        int count = 0;
        for (int i = 0; i < stain.length; i++) {
            if (foreground[i] != 0 && stain[i] < STAIN_HIGH) {
                hist[Math.max(0, Math.min(bins, Math.round(stain[i] * bins)))]++;
                count++;
            }
        }
        int seen = 0;
        for (int b = 0; b <= bins && count > 0; b++) {
            seen += hist[b];
            if (2 * seen >= count) {
                return b / (float) bins;
            }
        }
        return 0;
    }

    private static int stainedObjects(float[] stain, int w, int h, int[] labels, float low, float high) {
        int n = w * h;
        byte[] weak = new byte[n];
        for (int i = 0; i < n; i++) {
            weak[i] = (byte) (stain[i] > low ? 1 : 0);
        }
        int[] components = new int[n];
        int count = ConnectedComponents.label(weak, w, h, components);
        int[] seeds = new int[count + 1];
        for (int i = 0; i < n; i++) {
            if (stain[i] > high) {
                seeds[components[i]]++;
            }
        }
        int[] kept = new int[count + 1];
        int k = 0;
        for (int c = 1; c <= count; c++) {
            if (seeds[c] >= STAIN_MIN_SEED) {
                kept[c] = ++k;
            }
        }
        // Each kept component, holes filled, becomes one object.
        byte[] mask = new byte[n];
        for (int i = 0; i < n; i++) {
            mask[i] = (byte) (kept[components[i]] > 0 ? 1 : 0);
        }
        ConnectedComponents.fillHoles(mask, w, h);
        int k2 = ConnectedComponents.label(mask, w, h, labels);
        // Grow each object into the unlabelled pixels around it, without merging two.
        Morphology.grow(labels, w, h, STAIN_GROWTH);
        return k2;
    }

    /** Splits the foreground into labelled objects 1..k; returns k. */
    private int declump(byte[] mask, float[] darkness, int w, int h, int[] labels) {
        if (settings.declump() == Declump.NONE) {
            return ConnectedComponents.label(mask, w, h, labels);
        }
        int n = w * h;
        float[] surface;
        if (settings.declump().byShape()) {
            surface = Smoothing.gaussian(DistanceTransform.of(mask, w, h), w, h, SMOOTHING_SIGMA);
        } else {
            surface = darkness;
        }
        int r = suppression();
        // A seed of the shape must lie some way inside the foreground: necks and slivers between
        // cells are maxima too, and would each become an object.
        float minPeak = settings.declump().byShape() ? (float) (SEED_DEPTH * settings.minDiameter() / BIN) : 0;
        float top = Float.NEGATIVE_INFINITY;
        float bottom = Float.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (mask[i] != 0) {
                top = Math.max(top, surface[i]);
                bottom = Math.min(bottom, surface[i]);
            }
        }
        // Flood from high to low surface: level 0 is the top.
        int[] level = new int[n];
        float span = Math.max(1e-6f, top - bottom);
        for (int i = 0; i < n; i++) {
            if (mask[i] != 0) {
                level[i] = Math.min(LEVELS - 1, (int) ((top - surface[i]) / span * (LEVELS - 1)));
            }
        }
        float[] peaks = MaxFilter.square(surface, w, h, r);
        byte[] seed;
        if (settings.declump().byShape()) {
            // h-maxima: peaks of the distance that rise at least SEED_DYNAMIC above the saddle to a
            // higher peak (two overlapping cells), and no peak within the seed distance is higher.
            seed = HMaxima.seeds(surface, mask, w, h, highToLow(level, mask), (float) (SEED_DYNAMIC / BIN),
                    minPeak);
            for (int i = 0; i < n; i++) {
                if (seed[i] != 0 && surface[i] < peaks[i]) {
                    seed[i] = 0;
                }
            }
        } else {
            seed = new byte[n];
            for (int i = 0; i < n; i++) {
                if (mask[i] != 0 && surface[i] >= peaks[i] && surface[i] >= minPeak) {
                    seed[i] = 1;
                }
            }
        }
        int seeds = ConnectedComponents.label(seed, w, h, labels);
        SeededWatershed.flood(labels, level, LEVELS, mask, w, h);
        if (settings.declump() == Declump.CELLS) {
            double minArea = Math.PI / 4 * settings.minDiameter() * settings.minDiameter() / (BIN * BIN);
            return ShapeRefinement.apply(labels, seeds, surface, w, h, minArea);
        }
        return seeds;
    }

    /** The mask's pixels in order of their level (a counting sort): highest surface first. */
    private static int[] highToLow(int[] level, byte[] mask) {
        int[] start = new int[LEVELS + 1];
        int count = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                start[level[i] + 1]++;
                count++;
            }
        }
        for (int l = 0; l < LEVELS; l++) {
            start[l + 1] += start[l];
        }
        int[] order = new int[count];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                order[start[level[i]]++] = i;
            }
        }
        return order;
    }

    /** How close two seeds may be, in binned pixels: {@link SegmentationSettings#seedDistance()}. */
    int suppression() {
        return Math.max(1, (int) Math.round(settings.seedDistance() / BIN));
    }

    /** The objects of one image, and its binned label image for drawing outlines. */
    public record Segmentation(List<SegmentedObject> objects, int[] labels, int width, int height, int bin) {
    }

    /** The two planes, binned. */
    static final class Planes {
        final int width;
        final int height;
        final float[] darkness;
        final float[] stain;

        private Planes(int width, int height, float[] darkness, float[] stain) {
            this.width = width;
            this.height = height;
            this.darkness = darkness;
            this.stain = stain;
        }

        static Planes of(RgbImage image, int bin) {
            int W = image.width();
            int H = image.height();
            int w = Math.max(1, W / bin);
            int h = Math.max(1, H / bin);
            byte[] green = image.channel(Channel.GREEN);
            byte[] blue = image.channel(Channel.BLUE);
            float[] darkness = new float[w * h];
            float[] stain = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = 0;
                    int b = 0;
                    int count = 0;
                    for (int dy = 0; dy < bin && y * bin + dy < H; dy++) {
                        int row = (y * bin + dy) * W;
                        for (int dx = 0; dx < bin && x * bin + dx < W; dx++) {
                            int i = row + x * bin + dx;
                            g += green[i] & 0xff;
                            b += blue[i] & 0xff;
                            count++;
                        }
                    }
                    darkness[y * w + x] = 1f - g / (255f * count);
                    stain[y * w + x] = Math.max(0, b - g) / (255f * count);
                }
            }
            return new Planes(w, h, darkness, stain);
        }
    }
}
