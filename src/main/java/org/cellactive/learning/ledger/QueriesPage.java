package org.cellactive.learning.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * queries.html: one self-contained page, usable offline from {@code file://}. Each cell
 * is shown as a crop with context and its box outlined; a person clicks a class per cell,
 * then "Download answers CSV" saves {@code answers.csv} ({@code cell_key,label}) for the
 * {@code label} command.
 *
 * <p>Hostile text (cell keys, image names, class names) never becomes markup: the batch
 * travels as JSON in a non-executed script element, with {@code <}, {@code >} and
 * {@code &} escaped so it cannot close that element, and the page script puts every value
 * into the DOM with {@code textContent}. A Content-Security-Policy allows no network access
 * and no images but the embedded ones.
 */
public final class QueriesPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueriesPage() {
    }

    public static String render(String title, List<String> classes, List<QueryItem> items) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("classes", classes);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (QueryItem item : items) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("key", item.cellKey());
            c.put("image", item.imageId());
            c.put("voc", List.of(item.xmin(), item.ymin(), item.xmax(), item.ymax()));
            c.put("p", item.probabilities());
            QueryItem.ContextCrop crop = item.crop();
            if (crop != null) {
                c.put("png", Base64.getEncoder().encodeToString(crop.png()));
                c.put("w", crop.width());
                c.put("h", crop.height());
                c.put("box", List.of(crop.boxX0(), crop.boxY0(), crop.boxX1(), crop.boxY1()));
            } else {
                c.put("problem", item.cropProblem() == null ? "image unavailable" : item.cropProblem());
            }
            cells.add(c);
        }
        data.put("cells", cells);
        String json;
        try {
            json = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return PAGE[0].replace("@TITLE@", HtmlText.escape(title)) + scriptSafe(json) + PAGE[1];
    }

    /** JSON that cannot end its script element or open a comment there. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static final String PAGE_HEAD = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>@TITLE@</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f4; color: #222; }
            header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ccc; padding: .6em 1em; z-index: 2; }
            header h1 { font-size: 1.1em; margin: 0 0 .3em 0; }
            #cells { display: flex; flex-wrap: wrap; gap: .8em; padding: 1em; }
            #keys { font-size: .8em; color: #555; margin-left: 1em; }
            /*@CELL_CARD_CSS@*/
            </style>
            </head>
            <body>
            <header>
            <h1 id="title"></h1>
            <span id="progress"></span>
            <button type="button" id="download">Download answers CSV</button>
            <span id="status" role="status"></span>
            <span id="keys"></span>
            </header>
            <main id="cells"></main>
            <script type="application/json" id="batch-data">""";

    private static final String PAGE_TAIL = """
            </script>
            <script>
            /*@CELL_CARD_JS@*/
            (function () {
              'use strict';
              var data = JSON.parse(document.getElementById('batch-data').textContent);
              var answers = new Map();
              var el = CellCard.el;
              document.getElementById('title').textContent = data.title;
              document.getElementById('keys').textContent = 'Keys: ' + data.classes.slice(0, 9).map(function (name, j) {
                return (j + 1) + ' = ' + name;
              }).join(', ');
              var list = document.getElementById('cells');
              data.cells.forEach(function (cell, i) {
                var card = CellCard.build({ index: i, key: cell.key, imageId: cell.image, voc: cell.voc,
                  src: cell.png ? 'data:image/png;base64,' + cell.png : null,
                  crop: { width: cell.w, height: cell.h, box: cell.box }, problem: cell.problem,
                  classes: data.classes, p: cell.p });
                var choices = el('div', 'choices');
                data.classes.forEach(function (name, j) {
                  var b = el('button', 'choice', name);
                  b.type = 'button';
                  b.setAttribute('data-class-index', String(j));
                  b.setAttribute('aria-pressed', 'false');
                  b.addEventListener('click', function () {
                    answers.set(cell.key, name);
                    choices.querySelectorAll('button').forEach(function (x) {
                      x.setAttribute('aria-pressed', x === b ? 'true' : 'false');
                    });
                    card.classList.add('answered');
                    progress();
                  });
                  choices.appendChild(b);
                });
                card.appendChild(choices);
                list.appendChild(card);
              });
              // Keys 1..9 answer the focused card (Tab moves between cards) or else the first unanswered one.
              document.addEventListener('keydown', function (e) {
                var n = e.key >= '1' && e.key <= '9' ? Number(e.key) : 0;
                if (!n || n > data.classes.length || e.ctrlKey || e.metaKey || e.altKey) { return; }
                var focused = document.activeElement;
                var card = focused && focused.matches && focused.matches('section.cell') ? focused : null;
                if (!card) { card = list.querySelector('section.cell:not(.answered)'); }
                if (!card) { return; }
                card.querySelectorAll('.choices button')[n - 1].click();
                var next = list.querySelector('section.cell:not(.answered)');
                if (next) { next.focus(); next.scrollIntoView({block: 'nearest'}); }
                e.preventDefault();
              });
              function progress() {
                document.getElementById('progress').textContent =
                  answers.size + ' of ' + data.cells.length + ' cells labelled';
              }
              // Same guard as queries.csv: a spreadsheet must not run a cell as a formula.
              function csvField(v) {
                if (/^[=+\\-@\\t\\r]/.test(v)) { v = "'" + v; }
                if (/[",\\r\\n]/.test(v)) { v = '"' + v.replace(/"/g, '""') + '"'; }
                return v;
              }
              document.getElementById('download').addEventListener('click', function () {
                var lines = ['cell_key,label'];
                data.cells.forEach(function (cell) {
                  if (answers.has(cell.key)) { lines.push(csvField(cell.key) + ',' + csvField(answers.get(cell.key))); }
                });
                var blob = new Blob([lines.join('\\r\\n') + '\\r\\n'], {type: 'text/csv;charset=utf-8'});
                var url = URL.createObjectURL(blob);
                var a = el('a');
                a.href = url;
                a.download = 'answers.csv';
                document.body.appendChild(a);
                a.click();
                setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 2000);
                document.getElementById('status').textContent =
                  'answers.csv saved with ' + (lines.length - 1) + ' answers';
              });
              progress();
            })();
            </script>
            </body>
            </html>
            """;

    private static final String BATCH_MARK = "@BATCH_JSON@";
    /** The page around the batch's JSON, the shared cell card inlined (into the template, never into data). */
    private static final String[] PAGE = CellCardAssets.inline(PAGE_HEAD + BATCH_MARK + PAGE_TAIL).split(BATCH_MARK, -1);
}
