package org.epicontrol.notice.text;

/** Reads the small numbers notices print either in digits (ASCII or full-width) or in Chinese numerals. */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** True if every char is a decimal digit of any script width, or a Chinese numeral char. */
    public static boolean isNumber(String s) {
        return s != null && !s.isEmpty() && parse(s) != null;
    }

    /**
     * Value of {@code s}, or null if it is not a number this class reads. Accepts "12", "１２", "十二", "二十三",
     * "一百零五", "两", and digit-by-digit years such as "二〇二二".
     */
    public static Integer parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return null;
        }
        if (allDigits(s)) {
            int v = 0;
            for (int i = 0; i < s.length(); i++) {
                v = v * 10 + Character.digit(s.charAt(i), 10);
            }
            return v;
        }
        return parseChinese(s);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 10) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Integer parseChinese(String s) {
        boolean hasUnit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '十' || c == '百' || c == '千') {
                hasUnit = true;
            } else if (digitOf(c) < 0) {
                return null;
            }
        }
        if (!hasUnit) {
            // "二〇二二" style: positional digits
            int v = 0;
            for (int i = 0; i < s.length(); i++) {
                v = v * 10 + digitOf(s.charAt(i));
            }
            return v;
        }
        int total = 0;
        int pending = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
            if (unit == 0) {
                pending = digitOf(c);
            } else {
                // a bare "十" at the start means "一十"
                total += (pending < 0 ? 1 : pending) * unit;
                pending = -1;
            }
        }
        if (pending > 0) {
            total += pending;
        }
        return total;
    }

    private static int digitOf(char c) {
        if (c == '〇') {
            return 0;
        }
        if (c == '两') {
            return 2;
        }
        return DIGITS.indexOf(c);
    }
}
