package org.cellactive.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;
import org.cellactive.annotations.AnnotationSource;
import org.cellactive.imaging.Channel;
import org.cellactive.imaging.ThresholdMethod;
import org.junit.jupiter.api.Test;

/**
 * docs/features.md is the contract with users: every column the extractor can write
 * has an entry, and every entry names a column that exists.
 */
class FeatureDictionaryTest {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

    @Test
    void everyWrittenColumnHasAnEntryAndEveryEntryAColumn() throws IOException {
        List<Pattern> entries = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs/features.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                raw.add(m.group(1));
                entries.add(toRegex(m.group(1)));
            }
        }
        assertTrue(entries.size() > 20, "docs/features.md has too few entries: " + entries.size());

        Set<String> columns = new LinkedHashSet<>();
        for (StructField f : AnnotationSource.boxSchema().fields()) {
            columns.add(f.name());
        }
        // Every family, with every texture channel, so optional columns are covered too.
        FeatureOptions all = new FeatureOptions(FeatureOptions.ALL_FAMILIES, 256, 3,
                List.of(Channel.values()), ThresholdMethod.OTSU);
        columns.addAll(new CellMeasurer(all).columns());
        columns.addAll(new CellMeasurer(new FeatureOptions(List.of("Texture"), 8, 5,
                List.of(Channel.GRAY), ThresholdMethod.LI)).columns());

        List<String> undocumented = new ArrayList<>();
        for (String column : columns) {
            if (entries.stream().noneMatch(p -> p.matcher(column).matches())) {
                undocumented.add(column);
            }
        }
        assertTrue(undocumented.isEmpty(), "columns without an entry in docs/features.md: " + undocumented);

        List<String> stale = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Pattern p = entries.get(i);
            if (columns.stream().noneMatch(c -> p.matcher(c).matches())) {
                stale.add(raw.get(i));
            }
        }
        assertTrue(stale.isEmpty(), "entries in docs/features.md that match no column: " + stale);
    }

    /** `Texture_Contrast_{Channel}_{scale}_{dd}_{levels}` becomes a regular expression. */
    static Pattern toRegex(String entry) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(entry);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(entry.substring(at, m.start())));
            regex.append(m.group(1).equals("Channel") ? "(Gray|Red|Green|Blue)" : "\\d+");
            at = m.end();
        }
        regex.append(Pattern.quote(entry.substring(at)));
        return Pattern.compile(regex.toString());
    }
}
