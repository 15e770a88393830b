package org.cellactive.features.texture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cellactive.features.family.MeasurementFamily;
import org.cellactive.features.SameSize;
import org.cellactive.imaging.ByteLevels;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.GrayCodes;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.imaging.ScratchArrays;

/**
 * CellProfiler's MeasureTexture per object: Haralick's 13 features in 4 directions.
 *
 * <p>Columns: {@code Texture_<Feature>_<Channel>_<scale>_<dd>_<levels>}, channel by channel,
 * then feature ({@link HaralickFeature} order), then direction dd = 00..03 for the offsets
 * (0,1), (1,1), (1,0), (1,−1) (row, column) times the scale, mahotas' order.
 *
 * <p>As CellProfiler does: the plane (0..1) is scaled to 0..255 and rounded half to even
 * ({@code img_as_ubyte}); with fewer levels L it is rescaled to 0..L−1 and truncated
 * ({@code rescale_intensity(...).astype(uint8)}); pixels outside the object are 0, and
 * zeros are ignored (row and column 0 of the matrix dropped); the matrix is symmetric.
 * mahotas raises an error when a direction has no non-zero pair, and CellProfiler then
 * writes NaN for all directions of that object: here all of them are 0. Non-finite
 * values are 0.
 */
public final class TextureFamily implements MeasurementFamily {
    private static final long serialVersionUID = 1L;
    private static final int[][] DIRECTIONS = {{0, 1}, {1, 1}, {1, 0}, {1, -1}};
    private static final int FEATURES = HaralickFeature.values().length;

    /** Per-thread scratch: the family itself stays immutable and shareable. */
    private static final ThreadLocal<CooccurrenceMatrix> MATRICES =
            ThreadLocal.withInitial(CooccurrenceMatrix::new);

    /**
     * Per-thread work arrays: int slot 0 the object's pixels on a plane with a margin of
     * zeros, slot 1 the same pixels in the crop, byte slot 0 that plane's grey levels.
     */
    private static final ThreadLocal<ScratchArrays> SCRATCH =
            ThreadLocal.withInitial(() -> new ScratchArrays(2, 0, 0, 1));

    private final int levels;
    private final int scale;
    private final List<Channel> channels;
    private final List<String> columns;
    /** {@link #quantize} of every gray float ({@link GrayCodes}), by code: 8-bit crops read their codes. */
    private final byte[] levelOfGrayCode;
    /** {@link #quantize} of every byte's value k/255f, by k. */
    private final byte[] levelOfByte;

    /** CellProfiler's defaults: 256 levels, scale 3, Gray. */
    public TextureFamily() {
        this(256, 3, List.of(Channel.GRAY));
    }

    public TextureFamily(int levels, int scale, List<Channel> channels) {
        if (levels < 2 || levels > 256) {
            throw new IllegalArgumentException("texture levels must be 2..256, got " + levels);
        }
        if (scale < 1) {
            throw new IllegalArgumentException("texture scale must be at least 1, got " + scale);
        }
        if (channels.isEmpty() || channels.stream().distinct().count() != channels.size()) {
            throw new IllegalArgumentException("texture channels must be distinct and not empty: " + channels);
        }
        this.levels = levels;
        this.scale = scale;
        this.channels = List.copyOf(channels);
        List<String> names = new ArrayList<>();
        for (Channel channel : this.channels) {
            for (HaralickFeature feature : HaralickFeature.values()) {
                for (int d = 0; d < DIRECTIONS.length; d++) {
                    names.add(String.format("Texture_%s_%s_%d_%02d_%d",
                            feature.columnName(), channel.columnName(), scale, d, levels));
                }
            }
        }
        this.columns = Collections.unmodifiableList(names);
        this.levelOfGrayCode = new byte[GrayCodes.count()];
        for (int code = 0; code < levelOfGrayCode.length; code++) {
            levelOfGrayCode[code] = (byte) quantize(GrayCodes.value(code), levels);
        }
        this.levelOfByte = new byte[256];
        for (int k = 0; k < 256; k++) {
            levelOfByte[k] = (byte) quantize(ByteLevels.value(k), levels);
        }
    }

    public int levels() { return levels; }
    public int scale() { return scale; }
    public List<Channel> channels() { return channels; }

    @Override
    public String name() {
        return "Texture";
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    /** CellProfiler's grey level of a 0..1 value: img_as_ubyte, then the rescale to L levels. */
    static int quantize(float value, int levels) {
        double scaled = value * 255.0;
        if (levels == 256 && scaled >= 0.0 && scaled <= 255.0) {
            return (int) Math.rint(scaled); // the common case, the same value as below
        }
        double clipped = Math.min(1.0, Math.max(0.0, value));
        int byteLevel = (int) Math.rint(clipped * 255.0);
        if (levels == 256) {
            return byteLevel;
        }
        return (int) (byteLevel / 255.0 * (levels - 1));
    }

    @Override
    public void measure(CellImage image, ObjectMask mask, double[] out, int offset) {
        SameSize.check(image, mask);
        try {
            measureObject(image, mask, out, offset);
        } catch (RuntimeException | Error e) {
            // The per-thread matrix may be left half updated: the next cell starts from a new one.
            MATRICES.remove();
            throw e;
        }
    }

    private void measureObject(CellImage image, ObjectMask mask, double[] out, int offset) {
        int width = mask.width();
        int height = mask.height();
        boolean[] inside = mask.inside();
        // A margin of `scale` zeros on every side: a pixel's partner in any direction is then
        // on the plane, and a partner beyond the crop reads as 0, "ignored", as it should.
        int paddedWidth = width + 2 * scale;
        int paddedCells = Math.multiplyExact(paddedWidth, height + 2 * scale);
        ScratchArrays scratch = SCRATCH.get();
        // Grey levels (unsigned) of the object's pixels; 0 elsewhere. Rewritten per channel
        // at the object's pixels only, so the rest stays 0.
        byte[] levelPlane = scratch.zeroedBytes(0, paddedCells);
        // The object's pixels in raster order, on the padded plane and in the crop. Branch-free:
        // every pixel is written, and the next slot is taken only by an inside one (one spare).
        int[] objectAt = scratch.ints(0, width * height + 1);
        int[] sourceAt = scratch.ints(1, width * height + 1);
        int n = 0;
        for (int y = 0, i = 0; y < height; y++) {
            int row = (y + scale) * paddedWidth + scale;
            for (int x = 0; x < width; x++, i++) {
                objectAt[n] = row + x;
                sourceAt[n] = i;
                n += inside[i] ? 1 : 0;
            }
        }
        int[] shifts = new int[DIRECTIONS.length];
        for (int d = 0; d < DIRECTIONS.length; d++) {
            shifts[d] = DIRECTIONS[d][0] * scale * paddedWidth + DIRECTIONS[d][1] * scale;
        }
        double[] perDirection = new double[DIRECTIONS.length * FEATURES];
        CooccurrenceMatrix matrix = MATRICES.get();
        int o = offset;
        for (Channel channel : channels) {
            int maxLevel = quantizeObject(image, channel, sourceAt, objectAt, n, levelPlane);
            matrix.accumulate(levelPlane, objectAt, n, shifts);
            boolean empty = false;
            for (int d = 0; d < DIRECTIONS.length; d++) {
                empty |= matrix.isEmpty(d);
            }
            for (int d = 0; d < DIRECTIONS.length; d++) {
                matrix.symmetric(d); // also clears the direction for the next object
                if (!empty) {
                    HaralickCalculator.compute(matrix, maxLevel + 1, perDirection, d * FEATURES);
                }
            }
            for (int f = 0; f < FEATURES; f++) {
                for (int d = 0; d < DIRECTIONS.length; d++) {
                    out[o++] = empty ? 0 : perDirection[d * FEATURES + f];
                }
            }
        }
    }

    /**
     * Writes the grey level of each object pixel onto {@code levelPlane}; returns the largest.
     * An 8-bit crop's levels are looked up by byte or gray code: the same values as quantising
     * its floats.
     */
    private int quantizeObject(CellImage image, Channel channel, int[] sourceAt, int[] objectAt, int n,
                               byte[] levelPlane) {
        int maxLevel = 0;
        ByteLevels bytes = image.levels();
        if (bytes == null) {
            float[] plane = image.plane(channel);
            for (int k = 0; k < n; k++) {
                int q = quantize(plane[sourceAt[k]], levels);
                levelPlane[objectAt[k]] = (byte) q;
                maxLevel = Math.max(maxLevel, q);
            }
        } else if (channel == Channel.GRAY) {
            short[] codes = bytes.grayCodes();
            for (int k = 0; k < n; k++) {
                byte q = levelOfGrayCode[codes[sourceAt[k]]];
                levelPlane[objectAt[k]] = q;
                maxLevel = Math.max(maxLevel, q & 0xff);
            }
        } else {
            byte[] colour = bytes.colour(channel);
            for (int k = 0; k < n; k++) {
                byte q = levelOfByte[colour[sourceAt[k]] & 0xff];
                levelPlane[objectAt[k]] = q;
                maxLevel = Math.max(maxLevel, q & 0xff);
            }
        }
        return maxLevel;
    }
}
