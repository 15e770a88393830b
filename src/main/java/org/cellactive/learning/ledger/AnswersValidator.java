package org.cellactive.learning.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks an answers file ({@code cell_key,label}, as queries.html exports it, or a filled-in
 * queries.csv) against the ledger, line by line. Each bad line is reported with its number
 * and reason; every good line is kept. Re-importing a file finds every line unchanged, so
 * importing twice changes nothing.
 *
 * <p>Two lines of one file that give one cell different labels are both reported and
 * neither is imported: the file does not say which it means.
 */
public final class AnswersValidator {
    /** Answers files are small; a larger one is refused rather than read into memory. */
    static final long MAX_BYTES = 64L << 20;

    private final List<String> classes;
    private final Map<String, Integer> issued;
    private final Map<String, LabelRecord> current;
    private final boolean relabel;
    private final String annotator;
    private final Clock clock;

    public AnswersValidator(List<String> classes, Map<String, Integer> issued, Map<String, LabelRecord> current,
                            boolean relabel, String annotator, Clock clock) {
        this.classes = List.copyOf(classes);
        this.issued = Map.copyOf(issued);
        this.current = Map.copyOf(current);
        this.relabel = relabel;
        this.annotator = annotator;
        this.clock = clock;
    }

    /** A validator for the ledger's current state. */
    public static AnswersValidator forLedger(LabelLedger ledger, boolean relabel, String annotator, Clock clock) {
        return new AnswersValidator(ledger.classes(), ledger.issuedCells(), ledger.currentLabels(), relabel,
                annotator, clock);
    }

    /**
     * @throws LedgerException when the file as a whole cannot be read: missing, too big,
     *                         not UTF-8, not CSV, or without cell_key and label columns
     */
    public ImportPlan validate(Path answers) {
        String name = answers.getFileName().toString();
        String text = readText(answers);
        int[] lineStarts = lineStarts(text);
        String now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        List<AnswerProblem> problems = new ArrayList<>();
        Map<String, Answer> byKey = new LinkedHashMap<>();
        Map<String, List<Integer>> linesByKey = new HashMap<>();
        Map<String, List<Integer>> conflicted = new HashMap<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get().parse(new StringReader(text))) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            Integer keyCol = header.get("cell_key");
            Integer labelCol = header.get("label");
            if (keyCol == null || labelCol == null) {
                throw new LedgerException(answers + ": the header must name the columns cell_key and label; found "
                        + parser.getHeaderNames());
            }
            for (CSVRecord r : parser) {
                int line = lineOf(lineStarts, r.getCharacterPosition());
                String key = field(r, keyCol);
                String label = field(r, labelCol);
                if (key.isEmpty()) {
                    problems.add(new AnswerProblem(name, line, "", AnswerProblem.Kind.EMPTY_CELL_KEY,
                            "empty cell_key"));
                } else if (!issued.containsKey(key)) {
                    problems.add(new AnswerProblem(name, line, key, AnswerProblem.Kind.UNKNOWN_CELL_KEY,
                            "unknown cell key " + shown(key) + ": the ledger never issued it in a batch"));
                } else if (label.isEmpty()) {
                    problems.add(new AnswerProblem(name, line, key, AnswerProblem.Kind.EMPTY_LABEL,
                            "empty label for " + shown(key)));
                } else if (!classes.contains(label)) {
                    problems.add(new AnswerProblem(name, line, key, AnswerProblem.Kind.UNKNOWN_CLASS,
                            "unknown class " + shown(label) + " for " + shown(key) + "; the ledger's classes are "
                                    + classes));
                } else {
                    Answer earlier = byKey.putIfAbsent(key, new Answer(key, label, line));
                    linesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
                    if (earlier != null && !earlier.label.equals(label)) {
                        conflicted.put(key, linesByKey.get(key));
                    }
                }
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new LedgerException(answers + ": not a readable CSV file: " + e.getMessage(), e);
        }

        List<LabelRecord> accepted = new ArrayList<>();
        int unchanged = 0;
        for (Answer a : byKey.values()) {
            List<Integer> lines = conflicted.get(a.key);
            if (lines != null) {
                for (int line : lines) {
                    problems.add(new AnswerProblem(name, line, a.key, AnswerProblem.Kind.CONFLICT_IN_FILE,
                            shown(a.key) + " is given different labels on lines " + lines
                                    + "; none of them is imported"));
                }
                continue;
            }
            LabelRecord before = current.get(a.key);
            if (before != null && before.isWithdrawn()) {
                before = null; // an undone answer left the cell unlabelled
            }
            boolean isRelabel = before != null && !before.label().equals(a.label);
            if (before != null && !isRelabel) {
                unchanged++;
                continue;
            }
            if (isRelabel && !relabel) {
                problems.add(new AnswerProblem(name, a.line, a.key, AnswerProblem.Kind.CONFLICTING_RELABEL,
                        shown(a.key) + " is already labelled " + shown(before.label()) + ", not " + shown(a.label)
                                + "; give --relabel to change it"));
                continue;
            }
            accepted.add(new LabelRecord(a.key, a.label, annotator, now, issued.get(a.key), isRelabel,
                    name + ":" + a.line));
        }
        problems.sort((x, y) -> Integer.compare(x.line(), y.line()));
        return new ImportPlan(accepted, unchanged, problems);
    }

    private static String readText(Path answers) {
        try {
            if (!Files.isRegularFile(answers)) {
                throw new LedgerException(answers + ": no such answers file");
            }
            if (Files.size(answers) > MAX_BYTES) {
                throw new LedgerException(answers + ": larger than " + (MAX_BYTES >> 20) + " MiB; not an answers file");
            }
            byte[] bytes = Files.readAllBytes(answers);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            // Spreadsheet programs often save UTF-8 with a byte-order mark.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new LedgerException(answers + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new LedgerException(answers + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A field, trimmed, with the spreadsheet-formula guard that queries.csv adds taken off again. */
    private static String field(CSVRecord r, int col) {
        return col < r.size() ? SpreadsheetText.unguard(r.get(col).strip()) : "";
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] starts, long position) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Quotes a value from a hostile file for a terminal: control characters are escaped. */
    static String shown(String value) {
        StringBuilder sb = new StringBuilder("'");
        String v = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        for (char c : v.toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('\'').toString();
    }

    private record Answer(String key, String label, int line) {
    }

}
