package org.cellactive.synth;

/** The kinds of cell a synthetic smear holds, named as BCCD's VOC files name them. */
public enum CellKind {
    RBC("RBC"), WBC("WBC"), PLATELETS("Platelets");

    private final String vocName;

    CellKind(String vocName) {
        this.vocName = vocName;
    }

    /** The {@code <name>} of the VOC object, e.g. {@code Platelets}. */
    public String vocName() {
        return vocName;
    }
}
