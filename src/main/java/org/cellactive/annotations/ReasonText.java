package org.cellactive.annotations;

/**
 * Quotes a value taken from a hostile file for use inside a reject reason: short,
 * one line, no control characters, so a reason never carries a payload of the file.
 */
final class ReasonText {
    static final int MAX_QUOTED = 40;

    private ReasonText() {
    }

    static String quote(String value) {
        if (value == null) {
            return "(missing)";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 5).append('\'');
        int n = Math.min(value.length(), MAX_QUOTED);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_QUOTED) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
