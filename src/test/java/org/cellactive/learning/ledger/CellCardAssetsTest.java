package org.cellactive.learning.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cell card is kept once and inlined into both labelling pages' templates, never into their
 * data. (What the card shows is tested in a real browser: QueriesPageBrowserTest, ServeBrowserTest.)
 */
class CellCardAssetsTest {

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void inliningNeedsEachMarkExactlyOnce() {
        String page = CellCardAssets.inline("<style>" + CellCardAssets.STYLE_MARK + "</style><script>"
                + CellCardAssets.SCRIPT_MARK + "</script>");
        assertTrue(page.contains("var CellCard = "), page);
        assertTrue(page.contains(".crop .box {"), page);
        assertFalse(page.contains("@CELL_CARD"), page);
        assertThrows(IllegalStateException.class, () -> CellCardAssets.inline(CellCardAssets.SCRIPT_MARK));
        assertThrows(IllegalStateException.class, () -> CellCardAssets.inline(CellCardAssets.STYLE_MARK
                + CellCardAssets.SCRIPT_MARK + CellCardAssets.SCRIPT_MARK));
    }

    @Test
    void queriesHtmlCarriesTheCardOnceAndAMarkInTheDataStaysData() {
        String key = CellCardAssets.SCRIPT_MARK + "_01";
        String page = QueriesPage.render("batch", List.of("RBC", "WBC"),
                List.of(new QueryItem(key, CellCardAssets.STYLE_MARK, 1, 2, 3, 4, null, null, "gone")));
        assertEquals(1, count(page, "var CellCard = "), "the card's script, once");
        assertEquals(1, count(page, ".crop .box {"), "the card's style, once");
        assertTrue(page.contains("\"key\":\"" + key + "\""), "the key, as JSON data");
        assertTrue(page.contains("\"image\":\"" + CellCardAssets.STYLE_MARK + "\""), "the image id, as JSON data");
    }
}
