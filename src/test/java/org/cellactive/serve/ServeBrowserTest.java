package org.cellactive.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.cellactive.learning.ledger.LabelLedger;
import org.cellactive.learning.ledger.LabelRecord;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The serve page in a real headless Chromium, driven by the keyboard alone: three batches
 * answered from BCCD's ground truth, an undo, then a restart of the server that must show the
 * same round. The ledger must hold exactly the answers given. A fourth class whose name is
 * markup must stay text.
 */
class ServeBrowserTest {
    static final String HOSTILE_CLASS = "<img src=x onerror=\"window.__pwned=1\">";
    static final List<String> CLASSES = List.of("RBC", "WBC", "Platelets", HOSTILE_CLASS);
    static final int BATCH = 5;

    @TempDir
    static Path tmp;
    static ChromeDriver driver;
    static SparkSession spark;
    static Map<String, String> truth;
    static Path cells;

    @BeforeAll
    static void browser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "/usr/bin/chromium is not installed");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", Files.createDirectories(tmp.resolve("downloads")).toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        driver = new ChromeDriver(service, options);
        spark = ServeFixture.spark("ServeBrowserTest");
        cells = tmp.resolve("run/cells.parquet");
        truth = ServeFixture.cells(spark, cells, 30);
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    int shownRound() {
        return Integer.parseInt(driver.findElement(By.id("round")).getText());
    }

    List<String> shownKeys() {
        return driver.findElements(By.cssSelector("section.cell")).stream().map(e -> e.getAttribute("data-key")).toList();
    }

    /**
     * Presses the key for {@code cls} and waits until the page shows the answer to {@code key} as acknowledged,
     * or, for the last card of a batch, until the page has already moved on to the next batch: the
     * acknowledgement starts the refit, and a fast one replaces the cards before a poll sees the last one marked.
     */
    void answerByKeyboard(String key, String cls) {
        int round = shownRound();
        new Actions(driver).sendKeys(Integer.toString(CLASSES.indexOf(cls) + 1)).perform();
        waitUpTo(60).until(d -> {
            List<WebElement> card = d.findElements(By.cssSelector("section.cell[data-key='" + key + "']"));
            return card.isEmpty() ? shownRound() > round : card.get(0).getAttribute("class").contains("answered");
        });
    }

    @Test
    void threeBatchesByKeyboardWithUndoAndARestart() throws Exception {
        Path ledger = tmp.resolve("ledger");
        Map<String, String> given = new LinkedHashMap<>();
        List<String> firstBatch;
        List<String> thirdBatch = null;
        int roundAfter;
        try (ServeFixture serve = ServeFixture.start(spark, ServeFixture.options(cells, ledger, CLASSES, BATCH))) {
            driver.get(serve.server.url().toString());
            waitUpTo(30).until(d -> d.findElements(By.cssSelector("section.cell")).size() == BATCH);

            // The hostile class name is a button's text; nothing ran.
            assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
            assertNull(((JavascriptExecutor) driver).executeScript(
                    "return window.__pwned === undefined ? null : window.__pwned;"));
            assertEquals(HOSTILE_CLASS, driver.findElement(By.cssSelector("#cell-0 .choices button[data-class-index='3']"))
                    .getText());
            assertEquals(0, driver.findElements(By.cssSelector(".choices img, header img")).size());
            waitUpTo(10).until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return document.querySelector('#cell-0 img').naturalWidth;")).intValue() > 0);

            firstBatch = shownKeys();
            assertEquals(1, shownRound());
            for (int batch = 1; batch <= 3; batch++) {
                int round = shownRound();
                List<String> keys = shownKeys();
                if (batch == 3) {
                    thirdBatch = keys;
                }
                for (int i = 0; i < keys.size(); i++) {
                    String key = keys.get(i);
                    if (batch == 2 && i == 1) {
                        // A slip, taken back with U: the card is unanswered again and the ledger says so.
                        String wrong = CLASSES.stream().filter(c -> !c.equals(truth.get(key))).findFirst().orElseThrow();
                        answerByKeyboard(key, wrong);
                        new Actions(driver).sendKeys("u").perform();
                        waitUpTo(30).until(d -> !d.findElement(By.cssSelector("section.cell[data-key='" + key + "']"))
                                .getAttribute("class").contains("answered"));
                        LabelRecord undone = LabelLedger.open(ledger).currentLabels().get(key);
                        assertEquals(LabelRecord.WITHDRAWN, undone.label());
                        assertTrue(undone.relabel());
                        // The page put the focus back on the undone card, so the next key answers it.
                    }
                    answerByKeyboard(key, truth.get(key));
                    given.put(key, truth.get(key));
                }
                // The last answer completes the batch: the page refits, scans and shows the next one.
                waitUpTo(300).until(d -> shownRound() == round + 1);
            }
            roundAfter = shownRound();
            assertEquals(4, roundAfter);
            assertNotEquals(firstBatch, thirdBatch);
            assertTrue(thirdBatch.stream().noneMatch(firstBatch::contains), "answered cells are never asked again");

            // The side panel: counts per class, one point per model round, weights of the last model.
            waitUpTo(30).until(d -> d.findElements(By.cssSelector("#weights tr")).size() > 0);
            Map<String, Long> perClass = given.values().stream()
                    .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
            String counts = driver.findElement(By.id("per-class")).getText();
            perClass.forEach((c, n) -> assertTrue(counts.contains(c + " " + n), counts));
            assertFalse(driver.findElements(By.cssSelector("#chart svg")).isEmpty());

            // The labels CSV comes through the API (token in a header) and is saved by the browser.
            driver.findElement(By.id("download")).click();
            Path csv = tmp.resolve("downloads/labels.csv");
            for (int i = 0; i < 300 && !Files.exists(csv); i++) {
                Thread.sleep(100);
            }
            String text = Files.readString(csv);
            assertTrue(text.startsWith("cell_key,label,annotator,answered_at,round,relabel,source"), text);
            given.forEach((k, v) -> assertTrue(text.contains(k + "," + v + ","), k));
        }

        // Exactly the answers given, and nothing else, are the ledger's labels.
        Map<String, String> ledgerLabels = LabelLedger.open(ledger).currentLabels().values().stream()
                .filter(LabelRecord::isClassLabel).collect(Collectors.toMap(LabelRecord::cellKey, LabelRecord::label));
        assertEquals(given.keySet(), ledgerLabels.keySet());
        given.forEach((k, v) -> assertEquals(v, ledgerLabels.get(k), k));

        // A restart resumes at the same round, with the same batch.
        try (ServeFixture again = ServeFixture.start(spark, ServeFixture.options(cells, ledger, null, BATCH))) {
            driver.get(again.server.url().toString());
            waitUpTo(30).until(d -> d.findElements(By.cssSelector("section.cell")).size() == BATCH);
            assertEquals(roundAfter, shownRound());
            assertEquals(again.batchKeys(), shownKeys());
        }
    }
}
