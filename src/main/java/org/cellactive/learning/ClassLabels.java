package org.cellactive.learning;

import java.io.Serializable;
import java.util.List;

/**
 * The classes a learner separates, in index order: class {@code i} is {@code names.get(i)}.
 * For two classes, index 1 is the positive class whose probability average precision uses.
 *
 * @param names class names as they appear in the cells table's cell_type column
 */
public record ClassLabels(List<String> names) implements Serializable {

    /** The article's task: RBC against WBC, WBC positive. */
    public static final ClassLabels BINARY = new ClassLabels(List.of("RBC", "WBC"));
    /** RBC, WBC and Platelets; scores are macro one-vs-rest. */
    public static final ClassLabels THREE_CLASS = new ClassLabels(List.of("RBC", "WBC", "Platelets"));

    public ClassLabels {
        names = List.copyOf(names);
        if (names.size() < 2 || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("need at least two distinct classes, got " + names);
        }
    }

    public int size() {
        return names.size();
    }

    /** @return the index of {@code name}, or -1 when it is not one of these classes */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    public String name(int index) {
        return names.get(index);
    }

    /** The predicted class of probabilities {@code p}: the index of the largest, the lower index on ties. */
    public static int predicted(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
