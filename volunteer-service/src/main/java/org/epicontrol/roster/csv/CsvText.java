package org.epicontrol.roster.csv;

/** Checks of one imported text value, and how a rejected row is quoted back; shared by every CSV import. */
public final class CsvText {

    private static final int EXCERPT = 200;

    private CsvText() {
    }

    /** Why {@code value} cannot be stored (a phrase to follow the column's name), or null if it can. */
    public static String problem(String value, int maxChars) {
        if (value.indexOf('\uFFFD') >= 0) {
            // What a GBK (or any non-UTF-8) file looks like once read as UTF-8.
            return "is not valid UTF-8 text: it holds U+FFFD replacement characters (was the file saved as GBK?)";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "holds a control character or a line break";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid text: it holds a broken character (unpaired surrogate)";
            }
        }
        if (value.codePointCount(0, value.length()) > maxChars) {
            return "is longer than " + maxChars + " characters";
        }
        return null;
    }

    /** The size of {@code text} in UTF-8, counted without encoding it. */
    public static long utf8Bytes(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a surrogate pair is 4 bytes: 2 for each half
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** A row as shown in a report: at most 200 characters. */
    public static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }
}
