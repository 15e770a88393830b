package org.cellactive.learning.labelling;

import java.io.Serializable;

/** A batch cell's row of the cells table: what the page and the ledger need about it. */
public record BatchCell(String cellKey, String imageId, String imagePath, int xmin, int ymin, int xmax, int ymax,
                        double[] features) implements Serializable {
}
