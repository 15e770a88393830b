package org.cellactive.features.shape;

import java.util.List;
import org.cellactive.features.family.MeasurementFamily;
import org.cellactive.imaging.CellImage;
import org.cellactive.imaging.ObjectMask;

/**
 * CellProfiler's MeasureObjectSizeShape on one object mask: 21 columns named as
 * CellProfiler names them ({@code AreaShape_Area}, ...), with CellProfiler 4's
 * definitions (scikit-image {@code regionprops} plus centrosome). See
 * docs/features-areashape.md for each column; the classes used here document the
 * algorithms.
 *
 * <p>Differences from CellProfiler: Center_X and Center_Y are relative to the crop
 * (CellProfiler reports whole-image coordinates), and values CellProfiler would
 * report as NaN or infinity (FormFactor of a one-pixel object, whose perimeter is
 * 0) are written as 0.
 */
public final class AreaShapeFamily implements MeasurementFamily {
    private static final long serialVersionUID = 1L;

    private static final List<String> COLUMNS = List.of(
            "AreaShape_Area",
            "AreaShape_Perimeter",
            "AreaShape_FormFactor",
            "AreaShape_Compactness",
            "AreaShape_Eccentricity",
            "AreaShape_Solidity",
            "AreaShape_Extent",
            "AreaShape_MajorAxisLength",
            "AreaShape_MinorAxisLength",
            "AreaShape_Orientation",
            "AreaShape_EulerNumber",
            "AreaShape_EquivalentDiameter",
            "AreaShape_ConvexArea",
            "AreaShape_BoundingBoxArea",
            "AreaShape_MaxFeretDiameter",
            "AreaShape_MinFeretDiameter",
            "AreaShape_MaximumRadius",
            "AreaShape_MeanRadius",
            "AreaShape_MedianRadius",
            "AreaShape_Center_X",
            "AreaShape_Center_Y");

    @Override
    public String name() {
        return "AreaShape";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public void measure(CellImage image, ObjectMask mask, double[] out, int offset) {
        PaddedObject object = PaddedObject.of(mask);
        double area = object.area();
        double perimeter = FourNeighbourPerimeter.of(object);
        SecondMoments moments = SecondMoments.of(object);
        int convexArea = ConvexArea.of(LatticeHull.ofPixelDiamonds(object), object.boxHeight());
        double boxArea = (double) object.boxWidth() * object.boxHeight();
        FeretDiameters feret = FeretDiameters.of(LatticeHull.ofPixelCentres(object));
        Radii radii = Radii.of(object);

        int i = offset;
        out[i++] = area;
        out[i++] = perimeter;
        out[i++] = finite(4.0 * Math.PI * area / (perimeter * perimeter));
        // CellProfiler divides by max(4 pi Area, 1); Area >= 1 makes that 4 pi Area.
        out[i++] = perimeter * perimeter / (4.0 * Math.PI * area);
        out[i++] = moments.eccentricity();
        out[i++] = area / convexArea;
        out[i++] = area / boxArea;
        out[i++] = moments.majorAxisLength();
        out[i++] = moments.minorAxisLength();
        out[i++] = moments.orientationDegrees();
        out[i++] = EulerNumber.of(object);
        out[i++] = Math.sqrt(4.0 * area / Math.PI);
        out[i++] = convexArea;
        out[i++] = boxArea;
        out[i++] = feret.max();
        out[i++] = feret.min();
        out[i++] = radii.max();
        out[i++] = radii.mean();
        out[i++] = radii.median();
        out[i++] = moments.centerX();
        out[i] = moments.centerY();
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }
}
