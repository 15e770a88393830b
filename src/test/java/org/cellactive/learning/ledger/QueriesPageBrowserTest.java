package org.cellactive.learning.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.cellactive.cli.Main;
import org.cellactive.learning.labelling.BatchCell;
import org.cellactive.learning.labelling.BatchCrops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * queries.html in a real headless Chromium: crops of real BCCD cells, clicks, the CSV
 * export through a Blob download, and its import with {@code label}. Class names that
 * hold markup must show as text and never run.
 */
class QueriesPageBrowserTest {
    static final String SCRIPT_CLASS = "<script>alert(1)</script>";
    static final String IMG_CLASS = "<img src=x onerror=\"window.__pwned=1\">";
    static final String FORMULA_CLASS = "=1+1";
    static final List<String> CLASSES = List.of("RBC", SCRIPT_CLASS, IMG_CLASS, FORMULA_CLASS);

    @TempDir
    static Path tmp;
    static ChromeDriver driver;
    static Path downloads;

    @BeforeAll
    static void browser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "/usr/bin/chromium is not installed");
        downloads = Files.createDirectories(tmp.resolve("downloads"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** A ledger whose first batch holds two real BCCD cells and one whose image is missing. */
    static Path issueBatch(Path ledgerDir) throws Exception {
        Path bccd = Path.of(System.getProperty("cellactive.bccd", "../shared/data/bccd"), "BCCD", "JPEGImages")
                .toAbsolutePath();
        String image0 = bccd.resolve("BloodImage_00000.jpg").toUri().toString();
        List<BatchCell> cells = List.of(
                new BatchCell("BloodImage_00000_00", "BloodImage_00000", image0, 260, 177, 491, 376, new double[0]),
                new BatchCell("BloodImage_00000_01", "BloodImage_00000", image0, 78, 336, 184, 435, new double[0]),
                new BatchCell("Missing_00000_00", "Missing_00000", tmp.resolve("missing.jpg").toUri().toString(),
                        1, 1, 10, 10, new double[0]));
        Map<String, BatchCrops.Result> crops = new BatchCrops(new Configuration(), 100_000_000L).crops(cells);
        List<QueryItem> items = new ArrayList<>();
        for (BatchCell c : cells) {
            BatchCrops.Result r = crops.get(c.cellKey());
            items.add(new QueryItem(c.cellKey(), c.imageId(), c.xmin(), c.ymin(), c.xmax(), c.ymax(), null, r.crop(),
                    r.problem()));
        }
        LedgerFixture.withBatch(ledgerDir, CLASSES, cells.stream().map(BatchCell::cellKey).toArray(String[]::new));
        Path page = tmp.resolve("batch/queries.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, QueriesPage.render("round 1", CLASSES, items));
        return page;
    }

    @Test
    void clickExportAndImport() throws Exception {
        Path ledgerDir = tmp.resolve("ledger");
        Path page = issueBatch(ledgerDir);
        driver.get(page.toUri().toString());

        // Hostile class names are text: no alert, no handler ran, the button shows the name.
        assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
        JavascriptExecutor js = driver;
        assertEquals(null, js.executeScript("return window.__pwned === undefined ? null : window.__pwned;"));
        List<WebElement> buttons = driver.findElements(By.cssSelector("#cell-0 .choices button"));
        assertEquals(CLASSES, buttons.stream().map(WebElement::getText).toList());
        assertEquals(0, driver.findElements(By.cssSelector(".choices img")).size(), "no element was made of a name");

        // Real crops are shown; the missing image says why.
        Object width = js.executeScript("return document.querySelector('#cell-0 img').naturalWidth;");
        assertTrue(((Number) width).intValue() > 231, "context around the 231 px wide box: " + width);
        assertTrue(driver.findElement(By.cssSelector("#cell-2 .missing")).getText().startsWith("No image:"));

        driver.findElement(By.cssSelector("#cell-0 .choices button[data-class-index='1']")).click();
        driver.findElement(By.cssSelector("#cell-1 .choices button[data-class-index='2']")).click();
        driver.findElement(By.cssSelector("#cell-1 .choices button[data-class-index='3']")).click();
        assertEquals("2 of 3 cells labelled", driver.findElement(By.id("progress")).getText());
        // Key 1 answers the first unanswered cell with the first class.
        new org.openqa.selenium.interactions.Actions(driver).sendKeys("1").perform();
        assertEquals("3 of 3 cells labelled", driver.findElement(By.id("progress")).getText());
        driver.findElement(By.id("download")).click();

        Path answers = downloads.resolve("answers.csv");
        for (int i = 0; i < 300 && !Files.exists(answers); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(answers), "the browser saved answers.csv");
        // The export guards a formula-looking cell as queries.csv does; label takes the guard off.
        assertEquals("cell_key,label\r\nBloodImage_00000_00,<script>alert(1)</script>\r\nBloodImage_00000_01,'=1+1\r\n"
                + "Missing_00000_00,RBC\r\n",
                Files.readString(answers));

        assertEquals(0, Main.run("label", "--ledger", ledgerDir.toString(), "--answers", answers.toString(),
                "--annotator", "browser"));
        Map<String, LabelRecord> labels = LabelLedger.open(ledgerDir).currentLabels();
        assertEquals(SCRIPT_CLASS, labels.get("BloodImage_00000_00").label());
        assertEquals(FORMULA_CLASS, labels.get("BloodImage_00000_01").label());
        assertEquals("RBC", labels.get("Missing_00000_00").label());
        assertEquals(3, labels.size());
    }
}
