package org.cellactive.learning.ledger;

/**
 * Guards text cells of exported CSV files against formula injection: a spreadsheet
 * program runs a cell that starts with {@code = + - @}, tab or carriage return as a
 * formula. Such a cell gets a leading apostrophe, which spreadsheets show as text.
 * The answers reader takes the apostrophe off again, so a guarded value round-trips.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    public static String guard(String value) {
        return startsLikeFormula(value, 0) ? "'" + value : value;
    }

    public static String unguard(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && startsLikeFormula(value, 1) ? value.substring(1) : value;
    }

    private static boolean startsLikeFormula(String value, int at) {
        if (value.length() <= at) {
            return false;
        }
        char c = value.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
