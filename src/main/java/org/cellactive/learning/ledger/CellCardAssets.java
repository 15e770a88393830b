package org.cellactive.learning.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The cell card both labelling pages show ({@code queries.html} and {@code serve}'s page): its
 * script ({@code cell-card.js}, a {@code CellCard.build} function) and style ({@code cell-card.css}),
 * kept once in this package's resources and inlined into each page where it names
 * {@value #SCRIPT_MARK} and {@value #STYLE_MARK}. Inlined, not linked: queries.html is opened from
 * {@code file://} and must stand alone, and both pages' Content-Security-Policy allow inline
 * script and style only.
 */
public final class CellCardAssets {
    public static final String SCRIPT_MARK = "/*@CELL_CARD_JS@*/";
    public static final String STYLE_MARK = "/*@CELL_CARD_CSS@*/";
    private static final String SCRIPT = resource("cell-card.js");
    private static final String STYLE = resource("cell-card.css");

    private CellCardAssets() {
    }

    /** The card's script: defines {@code CellCard.build(c)} and {@code CellCard.el(tag, cls, text)}. */
    public static String script() {
        return SCRIPT;
    }

    /** The card's style rules. */
    public static String style() {
        return STYLE;
    }

    /**
     * {@code page} with the card's script and style in place of their marks (each must be there
     * once). For page templates only: never for text that holds data.
     */
    public static String inline(String page) {
        return replaceOnce(replaceOnce(page, SCRIPT_MARK, SCRIPT), STYLE_MARK, STYLE);
    }

    private static String replaceOnce(String page, String mark, String text) {
        int at = page.indexOf(mark);
        if (at < 0 || page.indexOf(mark, at + 1) >= 0) {
            throw new IllegalStateException("a page must name " + mark + " exactly once");
        }
        return page.substring(0, at) + text + page.substring(at + mark.length());
    }

    private static String resource(String name) {
        try (InputStream in = CellCardAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
