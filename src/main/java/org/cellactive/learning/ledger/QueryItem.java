package org.cellactive.learning.ledger;

import java.util.Objects;

/**
 * One cell of a query batch as queries.csv and queries.html show it.
 *
 * @param probabilities the model's probability of each ledger class (ledger order), or null
 *                      in cold start, when there is no model yet
 * @param crop          the cell with context around it, or null when the image could not be read
 * @param cropProblem   why there is no crop (shown on the page), or null
 */
public record QueryItem(String cellKey, String imageId, int xmin, int ymin, int xmax, int ymax,
                        double[] probabilities, ContextCrop crop, String cropProblem) {
    public QueryItem {
        Objects.requireNonNull(cellKey, "cellKey");
        Objects.requireNonNull(imageId, "imageId");
    }

    /**
     * A PNG of the cell and its surroundings, and where the cell's box lies in it
     * (pixels, 0-based, half-open), so the page can outline it.
     */
    public record ContextCrop(byte[] png, int width, int height, int boxX0, int boxY0, int boxX1, int boxY1) {
    }
}
