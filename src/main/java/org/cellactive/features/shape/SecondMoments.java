package org.cellactive.features.shape;

/**
 * The ellipse with the object's second central moments, as scikit-image's
 * {@code regionprops} defines it and CellProfiler reports it.
 *
 * <p>With population variances vx, vy and covariance cxy of the pixel centres
 * (x = column, y = row, y pointing down), the eigenvalues l1 >= l2 of
 * [[vx, cxy], [cxy, vy]] give MajorAxisLength = 4 sqrt(l1),
 * MinorAxisLength = 4 sqrt(l2) and Eccentricity = sqrt(1 - l2 / l1) (0 when l1 = 0).
 *
 * <p>Orientation follows scikit-image 0.20 and later, in degrees as CellProfiler
 * converts it: theta = 0.5 atan2(2 cxy, vy - vx), and when vx = vy exactly,
 * +45 if cxy > 0, else -45. It lies in (-90, 90]. The major axis points along
 * (x, y) = (sin theta, cos theta) in image coordinates: 0 is vertical (along the rows
 * axis), +90 is horizontal (an ellipse wide along x gives +90, never -90, because
 * its covariance is exactly +0 here), +45 runs from top-left to bottom-right.
 * scikit-image before 0.20 swapped the two signs of the vx = vy case.
 *
 * <p>The moments come from exact integer sums, so symmetric shapes give exactly
 * zero covariance and equal variances, and the tie rules above apply reliably.
 */
record SecondMoments(double centerX, double centerY, double majorAxisLength,
                     double minorAxisLength, double eccentricity, double orientationDegrees) {

    static SecondMoments of(PaddedObject object) {
        long n = object.area();
        double centerX = object.boxX() + (double) object.sumX() / n;
        double centerY = object.boxY() + (double) object.sumY() / n;
        // n^2 times the (co)variances; exact while they fit in a long, which holds for
        // any crop below ~1000x1000 pixels. Larger crops fall back to doubles.
        double xx;
        double yy;
        double xy;
        try {
            xx = Math.subtractExact(Math.multiplyExact(n, object.sumXX()), Math.multiplyExact(object.sumX(), object.sumX()));
            yy = Math.subtractExact(Math.multiplyExact(n, object.sumYY()), Math.multiplyExact(object.sumY(), object.sumY()));
            xy = Math.subtractExact(Math.multiplyExact(n, object.sumXY()), Math.multiplyExact(object.sumX(), object.sumY()));
        } catch (ArithmeticException tooLarge) {
            double dn = n;
            xx = dn * object.sumXX() - (double) object.sumX() * object.sumX();
            yy = dn * object.sumYY() - (double) object.sumY() * object.sumY();
            xy = dn * object.sumXY() - (double) object.sumX() * object.sumY();
        }
        double scale = (double) n * n;
        double vx = xx / scale;
        double vy = yy / scale;
        double cxy = xy / scale;
        double half = (vx + vy) / 2.0;
        double spread = Math.hypot((vx - vy) / 2.0, cxy);
        double l1 = half + spread;
        // l2 from the determinant avoids cancellation for thin objects.
        double l2 = l1 > 0.0 ? Math.max(0.0, (vx * vy - cxy * cxy) / l1) : 0.0;
        double eccentricity = l1 > 0.0 ? Math.sqrt(Math.max(0.0, 1.0 - l2 / l1)) : 0.0;
        double orientation;
        if (xx == yy) {
            orientation = xy > 0 ? Math.PI / 4.0 : -Math.PI / 4.0;
        } else {
            orientation = 0.5 * Math.atan2(2.0 * xy, yy - xx);
        }
        return new SecondMoments(centerX, centerY, 4.0 * Math.sqrt(l1), 4.0 * Math.sqrt(l2),
                eccentricity, Math.toDegrees(orientation));
    }
}
