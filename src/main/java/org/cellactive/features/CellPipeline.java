package org.cellactive.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ImageDecoder;
import org.cellactive.imaging.ObjectMask;
import org.cellactive.imaging.PixelBox;
import org.cellactive.imaging.RgbImage;
import org.cellactive.imaging.VocBox;
import org.cellactive.reject.RejectedException;

/**
 * One image's way from its file's bytes to an outcome per box, in pure Java: decode once, then for
 * each box crop, find the cell ({@link org.cellactive.imaging.CellSegmenter}) and measure it
 * ({@link CellMeasurer}). The feature stage, the extraction benchmark, the labelling page's crops and
 * {@code segment} all go through it, so the steps and their rejects are written once.
 *
 * <p>Immutable; one instance serves every image of a task, on any thread. Reading the bytes is the
 * caller's ({@link org.cellactive.io.CappedRead} for Hadoop paths).
 */
public final class CellPipeline implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ImageDecoder decoder;
    private final CellMeasurer measurer;

    public CellPipeline(ImageDecoder decoder, CellMeasurer measurer) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.measurer = Objects.requireNonNull(measurer, "measurer");
    }

    private CellPipeline(ImageDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.measurer = null;
    }

    /**
     * A pipeline that decodes and crops but finds and measures nothing: for pictures of boxes
     * (the labelling page) and for whole-image segmentation. {@link #measure} and {@link #find}
     * refuse to run on it.
     */
    public static CellPipeline cropping(ImageDecoder decoder) {
        return new CellPipeline(decoder);
    }

    /** The measurer, or null for a {@link #cropping} pipeline. */
    public CellMeasurer measurer() {
        return measurer;
    }

    public ImageDecoder decoder() {
        return decoder;
    }

    /** The image, or a DECODE reject: empty, unknown format, too large, truncated, corrupt. */
    public RgbImage decode(byte[] bytes, String source) throws RejectedException {
        return decoder.decode(bytes, source);
    }

    /**
     * One outcome per box, in the order given. When the image cannot be decoded, every box is
     * rejected with the decoding's reason.
     */
    public List<CellOutcome> measure(byte[] bytes, String source, List<VocBox> boxes) {
        RgbImage image;
        try {
            image = decode(bytes, source);
        } catch (RejectedException e) {
            return Collections.nCopies(boxes.size(), new CellOutcome.Rejected(e));
        }
        return measure(image, boxes);
    }

    /** One outcome per box of a decoded image, in the order given. */
    public List<CellOutcome> measure(RgbImage image, List<VocBox> boxes) {
        List<CellOutcome> out = new ArrayList<>(boxes.size());
        for (VocBox box : boxes) {
            out.add(measure(image, box));
        }
        return out;
    }

    /** Crops the box, finds its cell and measures it; never throws for bad input. */
    public CellOutcome measure(RgbImage image, VocBox box) {
        try {
            FoundCell cell = find(image, box);
            return new CellOutcome.Measured(cell.box(), cell.crop(), cell.mask(),
                    measuring().measure(cell.crop(), cell.mask()));
        } catch (RejectedException e) {
            return new CellOutcome.Rejected(e);
        }
    }

    /**
     * The box's crop and the cell found in it, not measured.
     *
     * @throws RejectedException CROP for a zero-area box or one outside the image, SEGMENT when no cell is found
     */
    public FoundCell find(RgbImage image, VocBox box) throws RejectedException {
        PixelBox pixels = box.in(image);
        CellImage crop = image.crop(pixels);
        return new FoundCell(pixels, crop, measuring().segmenter().segment(crop));
    }

    /**
     * The pixels of {@code box} grown by {@code margin} on every side, clipped to the image, with
     * their crop: a box in its context, for a person to look at.
     *
     * @return the grown box and its crop; {@code box.in(image)} is the box itself
     * @throws RejectedException CROP for a zero-area box or one outside the image
     */
    public CroppedBox context(RgbImage image, VocBox box, int margin) throws RejectedException {
        PixelBox pixels = box.in(image);
        PixelBox grown = pixels.expand(margin, image.width(), image.height());
        return new CroppedBox(pixels, grown, image.crop(grown));
    }

    private CellMeasurer measuring() {
        if (measurer == null) {
            throw new IllegalStateException("a cropping pipeline finds and measures no cells");
        }
        return measurer;
    }

    /** A box, the larger box around it that was cropped, and that crop. */
    public record CroppedBox(PixelBox box, PixelBox context, CellImage crop) {
    }

    /** A box's pixels, its crop, and the cell's mask in the crop. */
    public record FoundCell(PixelBox box, CellImage crop, ObjectMask mask) {
    }
}
