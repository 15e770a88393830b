package org.cellactive.learning.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Formula guards in CSV, HTML escaping, and the script-safe JSON of queries.html. */
class ExportEscapingTest {
    @Test
    void formulaLookingCellsGetAnApostropheThatRoundTrips() {
        for (String v : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + v, SpreadsheetText.guard(v));
            assertEquals(v, SpreadsheetText.unguard(SpreadsheetText.guard(v)));
        }
        assertEquals("BloodImage_00000_01", SpreadsheetText.guard("BloodImage_00000_01"));
        assertEquals("'plain", SpreadsheetText.unguard("'plain"), "only guards this writer adds are removed");
    }

    @Test
    void queriesCsvGuardsTextAndLeavesTheLabelEmpty() {
        QueryItem item = new QueryItem("=HYPERLINK(\"x\")", "@img", 1, 2, 3, 4, new double[] {0.25, 0.75}, null, null);
        String csv = QueriesCsv.render(List.of("RBC", "=evil"), List.of(item));
        assertEquals("cell_key,image_id,xmin,ymin,xmax,ymax,p_RBC,p_=evil,label\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",'@img,1,2,3,4,0.250000,0.750000,\r\n", csv);
        QueryItem cold = new QueryItem("k_01", "k", 1, 2, 3, 4, null, null, null);
        assertTrue(QueriesCsv.render(List.of("A", "B"), List.of(cold)).endsWith("k_01,k,1,2,3,4,,,\r\n"));
    }

    @Test
    void htmlTextEscapesTheFiveCharacters() {
        assertEquals("&lt;script&gt;a&amp;b&quot;c&#39;", HtmlText.escape("<script>a&b\"c'"));
    }

    @Test
    void thePageCarriesHostileNamesOnlyInsideEscapedJson() {
        String page = QueriesPage.render("t</title><script>x()</script>", List.of("<script>alert(1)</script>", "B"),
                List.of(new QueryItem("</script><script>alert(2)</script>_01", "img", 1, 1, 2, 2, null, null, "gone")));
        assertFalse(page.contains("<script>alert"), "no hostile markup survives");
        assertFalse(page.contains("</script><script>alert(2)"));
        assertTrue(page.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"));
        assertTrue(page.contains("<title>t&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>"));
        assertEquals(2, page.split("<script", -1).length - 1, "exactly the data and the page script");
    }
}
