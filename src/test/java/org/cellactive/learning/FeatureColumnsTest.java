package org.cellactive.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureColumnsTest {

    @Test
    void grayIntensityPicksTheIntensityGrayColumns() {
        FeatureColumns f = FeatureColumns.resolve("gray-intensity", SyntheticCells.schema());
        assertEquals(List.of("Intensity_MeanIntensity_Gray", "Intensity_StdIntensity_Gray"), f.columns());
    }

    @Test
    void allIsEveryNonAnnotationColumn() {
        assertEquals(SyntheticCells.FEATURES, FeatureColumns.resolve("all", SyntheticCells.schema()).columns());
    }

    @Test
    void listKeepsItsOrder() {
        assertEquals(List.of("Intensity_MeanIntensity_Blue", "AreaShape_Area"),
                FeatureColumns.resolve("Intensity_MeanIntensity_Blue, AreaShape_Area", SyntheticCells.schema()).columns());
    }

    @Test
    void unknownColumnsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureColumns.resolve("AreaShape_Area,Nope_A,Nope_B", SyntheticCells.schema()));
        assertTrue(e.getMessage().contains("[Nope_A, Nope_B]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureColumns.resolve("xmin", SyntheticCells.schema()));
        assertThrows(IllegalArgumentException.class, () -> FeatureColumns.resolve(" , ", SyntheticCells.schema()));
    }
}
