package org.cellactive.serve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cellactive.learning.labelling.BatchCrops;
import org.cellactive.learning.ledger.LiveAnswers;
import org.cellactive.learning.ledger.QueryItem;
import org.cellactive.learning.ledger.RoundInfo;

/**
 * The JSON API's bodies. Requests are records Jackson fills (an unknown field is an error,
 * not ignored); answers are ordered maps, so the field names in the README are the field
 * names here, once.
 */
final class ApiMessages {
    private ApiMessages() {
    }

    /** {@code POST /api/labels}. */
    record LabelsRequest(@JsonProperty(value = "labels", required = true) List<LabelEntry> labels) {
    }

    /** One answer: a class in {@code label}, or {@code unsure: true}; {@code relabel: true} to change a label. */
    record LabelEntry(@JsonProperty("cell_key") String cellKey, @JsonProperty("label") String label,
                      @JsonProperty("unsure") Boolean unsure, @JsonProperty("relabel") Boolean relabel) {
        LiveAnswers.Answer toAnswer() {
            return new LiveAnswers.Answer(cellKey, label, Boolean.TRUE.equals(unsure), Boolean.TRUE.equals(relabel));
        }
    }

    /** {@code POST /api/undo}. */
    record UndoRequest(@JsonProperty(value = "cell_key", required = true) String cellKey) {
    }

    static Map<String, Object> batch(BatchView b, List<String> classes, Map<String, String> answered) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("round", b.round());
        out.put("cold_start", b.coldStart());
        out.put("classes", classes);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (BatchView.Cell c : b.cells()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell_key", c.cellKey());
            m.put("image_id", c.imageId());
            m.put("box", c.box());
            m.put("probabilities", c.probabilities());
            m.put("answered", answered.containsKey(c.cellKey()));
            m.put("answer", answered.get(c.cellKey()));
            m.put("unsure", answered.containsKey(c.cellKey()) && answered.get(c.cellKey()) == null);
            BatchCrops.Result r = b.crops().get(c.cellKey());
            QueryItem.ContextCrop crop = r == null ? null : r.crop();
            if (crop != null) {
                m.put("crop", Map.of("width", crop.width(), "height", crop.height(),
                        "box", List.of(crop.boxX0(), crop.boxY0(), crop.boxX1(), crop.boxY1())));
            } else {
                m.put("crop", null);
                m.put("crop_problem", r == null || r.problem() == null ? "image unavailable" : r.problem());
            }
            cells.add(m);
        }
        out.put("cells", cells);
        return out;
    }

    static Map<String, Object> labelsAnswer(LiveAnswers.Outcome o, int round) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", o.accepted().size());
        out.put("unchanged", o.unchanged());
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (LiveAnswers.Rejected r : o.rejected()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell_key", r.cellKey());
            m.put("reason", r.reason());
            rejected.add(m);
        }
        out.put("rejected", rejected);
        out.put("round", round);
        return out;
    }

    static Map<String, Object> status(LabellingSession.Status s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("round", s.round());
        out.put("labels_per_class", s.labelsPerClass());
        out.put("unsure", s.unsure());
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (RoundInfo r : s.rounds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("round", r.round());
            m.put("cold_start", r.coldStart());
            m.put("labels", r.labelledCells());
            m.put("changed_share", r.changedShare());
            m.put("max_uncertainty", r.maxUncertainty());
            m.put("cv_accuracy", r.cvAccuracy());
            m.put("cv_folds", r.cvFolds());
            rounds.add(m);
        }
        Map<String, Object> stopping = new LinkedHashMap<>();
        RoundInfo latest = s.rounds().isEmpty() ? null : s.rounds().get(s.rounds().size() - 1);
        stopping.put("changed_share", latest == null ? null : latest.changedShare());
        stopping.put("max_uncertainty", latest == null ? null : latest.maxUncertainty());
        stopping.put("cv_accuracy", latest == null ? null : latest.cvAccuracy());
        stopping.put("rounds", rounds);
        out.put("stopping", stopping);
        List<Map<String, Object>> weights = new ArrayList<>();
        for (TopWeights.Weight w : s.topWeights()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", w.feature());
            m.put("class", w.cls());
            m.put("weight_per_std", w.perStd());
            weights.add(m);
        }
        out.put("top_weights", weights);
        Map<String, Object> t = new LinkedHashMap<>();
        LiveRound.Timings x = s.timingsOrNull();
        t.put("fit", x == null ? null : x.fitMs());
        t.put("save", x == null ? null : x.saveMs());
        t.put("scan", x == null ? null : x.scanMs());
        t.put("signals", x == null ? null : x.signalMs());
        t.put("signal_pass", x == null ? null : x.passMs());
        t.put("cv", x == null ? null : x.cvMs());
        t.put("page_data", x == null ? null : x.pageMs());
        t.put("crops", x == null ? null : x.cropsMs());
        t.put("batch_files", x == null ? null : x.filesMs());
        t.put("commit", x == null ? null : x.commitMs());
        t.put("round", x == null ? null : x.roundMs());
        t.put("solver", x == null ? null : x.solver());
        t.put("iterations", x == null ? null : x.iterations());
        out.put("timings_ms", t);
        return out;
    }
}
