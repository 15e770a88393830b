package org.cellactive.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.ThresholdMethod;

/**
 * What {@code extract} measures: which families, with which settings, and how the
 * cell is found inside its box. Immutable.
 */
public final class FeatureOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Every family, in column order. */
    public static final List<String> ALL_FAMILIES =
            List.of("AreaShape", "Zernike", "Intensity", "Color", "Texture", "Granularity");
    /** The families measured when {@code --features} is not given. */
    public static final List<String> DEFAULT_FAMILIES = List.of("AreaShape", "Intensity", "Color", "Texture");

    private final List<String> families;
    private final int textureLevels;
    private final int textureScale;
    private final List<Channel> textureChannels;
    private final ThresholdMethod threshold;

    public FeatureOptions(List<String> families, int textureLevels, int textureScale,
                          List<Channel> textureChannels, ThresholdMethod threshold) {
        this.families = canonicalFamilies(families);
        if (textureLevels < 8 || textureLevels > 256) {
            throw new IllegalArgumentException("--texture-levels must be between 8 and 256, got " + textureLevels);
        }
        if (textureScale < 1) {
            throw new IllegalArgumentException("--texture-scale must be at least 1, got " + textureScale);
        }
        if (textureChannels.isEmpty()) {
            throw new IllegalArgumentException("--texture-channels needs at least one channel");
        }
        this.textureLevels = textureLevels;
        this.textureScale = textureScale;
        this.textureChannels = List.copyOf(textureChannels);
        this.threshold = threshold;
    }

    /** The defaults: the four default families, 256 levels, scale 3, Gray texture, Otsu. */
    public static FeatureOptions defaults() {
        return new FeatureOptions(DEFAULT_FAMILIES, 256, 3, List.of(Channel.GRAY), ThresholdMethod.OTSU);
    }

    public List<String> families() { return families; }
    public int textureLevels() { return textureLevels; }
    public int textureScale() { return textureScale; }
    public List<Channel> textureChannels() { return textureChannels; }
    public ThresholdMethod threshold() { return threshold; }

    /** Case-insensitive names, in {@link #ALL_FAMILIES} order, duplicates removed. */
    private static List<String> canonicalFamilies(List<String> requested) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : requested) {
            String match = null;
            for (String known : ALL_FAMILIES) {
                if (known.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                    match = known;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("unknown feature family '" + name.trim()
                        + "'; choose from " + String.join(", ", ALL_FAMILIES));
            }
            wanted.add(match);
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("--features needs at least one family");
        }
        List<String> ordered = new ArrayList<>();
        for (String known : ALL_FAMILIES) {
            if (wanted.contains(known)) {
                ordered.add(known);
            }
        }
        return Collections.unmodifiableList(ordered);
    }
}
