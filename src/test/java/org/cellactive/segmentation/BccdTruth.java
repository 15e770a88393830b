package org.cellactive.segmentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cellactive.annotations.CellBox;
import org.cellactive.annotations.ImageLocator;
import org.cellactive.annotations.VocParser;

/** BCCD's boxes per image id, as {@link LabelledBox}es (zero-area boxes left out, as extract rejects them). */
final class BccdTruth {
    private BccdTruth() {
    }

    static Map<String, List<LabelledBox>> read(Path annotations, Path images) throws IOException {
        Map<String, List<LabelledBox>> out = new TreeMap<>();
        ImageLocator locator = new ImageLocator(images.toString());
        VocParser parser = new VocParser();
        List<Path> files;
        try (Stream<Path> s = Files.list(annotations)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path f : files) {
            for (CellBox b : parser.parse(Files.readAllBytes(f), f.toString(), locator).boxes()) {
                List<LabelledBox> list = out.computeIfAbsent(b.imageId(), k -> new ArrayList<>());
                if (b.xmax() > b.xmin() && b.ymax() > b.ymin()) {
                    list.add(new LabelledBox(b.cellType(), b.xmin(), b.ymin(), b.xmax(), b.ymax()));
                }
            }
        }
        return out;
    }
}
