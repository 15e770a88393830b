package org.cellactive.features.texture;

/** Haralick's 13 features, in mahotas' order, named as CellProfiler's MeasureTexture names them. */
public enum HaralickFeature {
    ANGULAR_SECOND_MOMENT("AngularSecondMoment"),
    CONTRAST("Contrast"),
    CORRELATION("Correlation"),
    VARIANCE("Variance"),
    INVERSE_DIFFERENCE_MOMENT("InverseDifferenceMoment"),
    SUM_AVERAGE("SumAverage"),
    SUM_VARIANCE("SumVariance"),
    SUM_ENTROPY("SumEntropy"),
    ENTROPY("Entropy"),
    DIFFERENCE_VARIANCE("DifferenceVariance"),
    DIFFERENCE_ENTROPY("DifferenceEntropy"),
    INFO_MEAS_1("InfoMeas1"),
    INFO_MEAS_2("InfoMeas2");

    private final String columnName;

    HaralickFeature(String columnName) {
        this.columnName = columnName;
    }

    public String columnName() {
        return columnName;
    }
}
