package org.cellactive.experiment.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cellactive.experiment.CurveRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed notebook is well-formed, names the kernel Debian's python3-ipykernel installs,
 * carries no stale outputs, and reads the columns curves.csv and summary.csv really have.
 * Executing it is notebooks/run-notebook.sh's job (from .ci/run).
 */
class NotebookFileTest {

    private static final Path NOTEBOOK = Path.of("notebooks", "learning-curves.ipynb");

    @Test
    void notebookUsesThePython3KernelAndHasNoOutputs() throws IOException {
        JsonNode nb = new ObjectMapper().readTree(NOTEBOOK.toFile());
        assertEquals(4, nb.get("nbformat").asInt());
        assertEquals("python3", nb.get("metadata").get("kernelspec").get("name").asText());
        int code = 0;
        for (JsonNode cell : nb.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                code++;
                assertEquals(0, cell.get("outputs").size(), "committed notebook holds outputs");
            }
        }
        assertTrue(code >= 4, "expected the load, band, plot and summary cells");
    }

    @Test
    void notebookNamesTheColumnsTheRunFolderHas() throws IOException {
        String text = java.nio.file.Files.readString(NOTEBOOK);
        for (String col : CurveRow.HEADER) {
            assertTrue(text.contains("\\\"" + col + "\\\""), "notebook does not expect curves.csv column " + col);
        }
        for (String col : new String[] {"labels_to_ap90_median", "never_reached_ap90", "aulc_mean", "savings_ap90"}) {
            assertTrue(java.util.Arrays.asList(SummaryCsv.HEADER).contains(col));
            assertTrue(text.contains("\\\"" + col + "\\\""), "notebook does not read summary.csv column " + col);
        }
    }
}
