package org.cellactive.learning;

/** Queries the top-k cells by one {@link UncertaintyMeasure}. */
public record UncertaintyStrategy(UncertaintyMeasure measure) implements QueryStrategy {

    @Override
    public String name() {
        return measure.cliName();
    }

    @Override
    public double score(double[] probabilities, String cellKey) {
        return measure.score(probabilities);
    }

    @Override
    public double score(double[] probabilities, PoolBlock block, int row) {
        return measure.score(probabilities);
    }
}
