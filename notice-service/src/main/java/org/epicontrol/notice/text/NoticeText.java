package org.epicontrol.notice.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Character rules shared by the notice parser and the area parser: what a blank is, trimming, CJK ideographs,
 * brackets and splitting at bracket depth 0. Notices come OCR'd, pasted from web pages and typed, so every kind
 * of blank (ASCII, ideographic U+3000, no-break, zero-width, BOM) counts as one.
 *
 * <p>Everything here is a plain linear scan; {@link #BLANKS} is the only regular-expression fragment and it is
 * possessive, so a pattern built with it never backtracks into a run of blanks however long (a header line with
 * 4,000 spaces once held a core for minutes).
 */
public final class NoticeText {

    /** Any run of blanks, possessive: a following token never starts with a blank, so giving back is pointless. */
    public static final String BLANKS = "[\\s\\u3000\\u00A0\\u200B\\uFEFF]*+";
    public static final String OPENERS = "(\uFF08【[〔";
    public static final String CLOSERS = ")\uFF09】]〕";
    public static final String SEPARATORS = ",\uFF0C、;\uFF1B";

    private NoticeText() {
    }

    /** A blank inside a line: spaces of every width, tabs, CR, zero-width chars; never the line break itself. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\uFEFF' || c == '\r'
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060'
                || c != '\n' && Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** A blank or a line break. */
    public static boolean isBlankOrBreak(char c) {
        return c == '\n' || isBlank(c);
    }

    /** Trims blanks and line breaks of every kind, which {@link String#strip()} partly misses. */
    public static String clean(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlankOrBreak(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlankOrBreak(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code s} without any blank or line break. */
    public static String withoutBlanks(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isBlankOrBreak(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * {@code s} with every run of two or more blanks made one space: OCR'd and pasted texts carry runs of thousands,
     * which would push a header's words out of the few characters a header is looked for in.
     */
    public static String collapseBlankRuns(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (!isBlank(c)) {
                sb.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < n && isBlank(s.charAt(j))) {
                j++;
            }
            sb.append(j - i >= 2 ? ' ' : c);
            i = j;
        }
        return sb.toString();
    }

    /** CJK ideographs as plain ranges: as good as {@code \p{IsHan}} for notices and much cheaper per char. */
    public static boolean isHan(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF' || c >= '\uF900' && c <= '\uFAFF';
    }

    /** First index at or after {@code from} (before {@code end}) that is not a blank. */
    public static int skipBlanks(String s, int from, int end) {
        int i = from;
        while (i < end && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** First index at or after {@code from} that is neither a blank nor a line break. */
    public static int skipBlanksAndBreaks(String s, int from) {
        int i = from;
        while (i < s.length() && isBlankOrBreak(s.charAt(i))) {
            i++;
        }
        return i;
    }

    public static boolean isOpener(char c) {
        return OPENERS.indexOf(c) >= 0;
    }

    public static boolean isCloser(char c) {
        return CLOSERS.indexOf(c) >= 0;
    }

    public static boolean isSeparator(char c) {
        return SEPARATORS.indexOf(c) >= 0;
    }

    /**
     * Splits {@code s} on separators at bracket depth 0, trimming each element and dropping empty ones. An
     * unbalanced closer is ignored; an unclosed opener runs to the end.
     */
    public static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isOpener(c)) {
                depth++;
            } else if (isCloser(c)) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && isSeparator(c)) {
                addNonEmpty(out, s.substring(start, i));
                start = i + 1;
            }
        }
        addNonEmpty(out, s.substring(start));
        return out;
    }

    private static void addNonEmpty(List<String> out, String element) {
        String v = clean(element);
        if (!v.isEmpty()) {
            out.add(v);
        }
    }
}
