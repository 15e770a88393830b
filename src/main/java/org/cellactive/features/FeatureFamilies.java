package org.cellactive.features;

import java.util.ArrayList;
import java.util.List;
import org.cellactive.features.color.ColorFamily;
import org.cellactive.features.granularity.GranularityFamily;
import org.cellactive.features.intensity.IntensityFamily;
import org.cellactive.features.shape.AreaShapeFamily;
import org.cellactive.features.shape.ZernikeFamily;
import org.cellactive.features.texture.TextureFamily;
import org.cellactive.imaging.Channel;
import org.cellactive.features.family.MeasurementFamily;

/** Builds the measurement families that a {@link FeatureOptions} selects, in column order. */
public final class FeatureFamilies {
    private FeatureFamilies() {
    }

    public static List<MeasurementFamily> build(FeatureOptions options) {
        List<MeasurementFamily> families = new ArrayList<>();
        for (String name : options.families()) {
            families.add(build(name, options));
        }
        return families;
    }

    private static MeasurementFamily build(String name, FeatureOptions options) {
        switch (name) {
            case "AreaShape": return new AreaShapeFamily();
            case "Zernike": return new ZernikeFamily();
            case "Intensity": return new IntensityFamily(List.of(Channel.values()));
            case "Color": return new ColorFamily();
            case "Texture":
                return new TextureFamily(options.textureLevels(), options.textureScale(), options.textureChannels());
            case "Granularity": return new GranularityFamily();
            default: throw new IllegalArgumentException("unknown feature family " + name);
        }
    }
}
