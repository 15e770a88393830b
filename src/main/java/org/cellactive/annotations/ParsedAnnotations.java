package org.cellactive.annotations;

import java.io.Serializable;
import java.util.List;

/** What one annotation file gave: the usable boxes, and a reject for everything else. */
public record ParsedAnnotations(List<CellBox> boxes, List<Reject> rejects) implements Serializable {

    public ParsedAnnotations {
        boxes = List.copyOf(boxes);
        rejects = List.copyOf(rejects);
    }

    /** The whole file failed: no boxes, one reject naming the file. */
    public static ParsedAnnotations wholeFileRejected(String file, String imageId, String reason) {
        return new ParsedAnnotations(List.of(), List.of(Reject.annotation(file, imageId, null, reason)));
    }
}
