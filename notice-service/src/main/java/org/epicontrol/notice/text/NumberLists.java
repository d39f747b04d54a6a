package org.epicontrol.notice.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers printed as a list under one prefix and suffix: "坞城路6巷5、6、8号" is 5号, 6号 and 8号 of 坞城路6巷,
 * "滨河小区1.2号楼、9号楼" is buildings 1, 2 and 9 of 滨河小区, "桃园南路3、5号楼" is buildings 3 and 5. A fragment
 * that is only a number (with or without its suffix) names no place by itself: it continues the prefix before it.
 * Plain scanning, linear in the text.
 */
public final class NumberLists {

    // Longest first, so that "号楼" wins over "号" and "楼".
    private static final List<String> SUFFIXES = List.of("号楼", "号院", "单元", "号", "栋", "幢", "座", "楼", "户");
    private static final String DIGITS = "0123456789０１２３４５６７８９";
    private static final String CN_DIGITS = "零〇一二两三四五六七八九十百";
    private static final String DOTS = ".．·";
    private static final String RANGE_MARKS = "-－~～—至到";
    private static final int MAX_RUN = 20;

    private NumberLists() {
    }

    /** True if {@code s} is only a number, a letter or a dotted list of numbers, with or without a suffix. */
    public static boolean isBareNumber(String s) {
        String t = NoticeText.clean(s);
        String body = t.substring(0, t.length() - suffixOf(t).length());
        return !body.isEmpty() && body.length() <= MAX_RUN && runStart(body) == 0;
    }

    /**
     * Expands elements of one printed item split at depth 0 into one text per number: the first element gives the
     * prefix, elements that are bare numbers take it, and a number printed without suffix takes the next one's
     * ("5、6、8号"). Elements that are not bare numbers start a new prefix. Dotted lists ("1.2号楼") become one
     * text per number. A list without any shared number comes back unchanged.
     */
    public static List<String> expand(List<String> elements) {
        List<String> out = new ArrayList<>();
        String prefix = "";
        for (int i = 0; i < elements.size(); i++) {
            String e = NoticeText.clean(elements.get(i));
            boolean bare = isBareNumber(e);
            String suffix = suffixOf(e);
            String body = e.substring(0, e.length() - suffix.length());
            int start = bare ? 0 : runStart(body);
            if (!bare) {
                prefix = body.substring(0, start);
            }
            String run = body.substring(start);
            boolean dotted = isDottedList(run);
            if (run.isEmpty() || suffix.isEmpty() && !bare && !dotted && !sharesSuffix(elements, i)) {
                // Nothing numbered to share: the element is a place of its own ("翠竹小院", "鱼池街21").
                out.add(e);
                continue;
            }
            if (suffix.isEmpty()) {
                suffix = followingSuffix(elements, i);
            }
            for (String number : dotted ? splitDotted(run) : List.of(run)) {
                out.add(prefix + number + suffix);
            }
        }
        return out;
    }

    /** True if the next element is a bare number: then this element's trailing number belongs to the list. */
    private static boolean sharesSuffix(List<String> elements, int i) {
        return i + 1 < elements.size() && isBareNumber(elements.get(i + 1));
    }

    private static String followingSuffix(List<String> elements, int i) {
        for (int k = i + 1; k < elements.size() && isBareNumber(elements.get(k)); k++) {
            String s = suffixOf(NoticeText.clean(elements.get(k)));
            if (!s.isEmpty()) {
                return s;
            }
        }
        return "";
    }

    private static String suffixOf(String s) {
        for (String suffix : SUFFIXES) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) {
                return suffix;
            }
        }
        return "";
    }

    /**
     * Start of the number run that ends {@code body}: digits (dotted lists and ranges included), Chinese
     * numerals, or one Latin letter; {@code body.length()} when it ends in none.
     */
    private static int runStart(String body) {
        int n = body.length();
        if (n > 0 && isLatin(body.charAt(n - 1))) {
            return n - 1 > 0 && isLatin(body.charAt(n - 2)) ? n : n - 1;
        }
        int i = n;
        boolean digits = i > 0 && DIGITS.indexOf(body.charAt(i - 1)) >= 0;
        while (i > 0 && n - i < MAX_RUN) {
            char c = body.charAt(i - 1);
            boolean inRun = digits
                    ? DIGITS.indexOf(c) >= 0 || (DOTS.indexOf(c) >= 0 || RANGE_MARKS.indexOf(c) >= 0)
                    && i - 2 >= 0 && DIGITS.indexOf(body.charAt(i - 2)) >= 0
                    : CN_DIGITS.indexOf(c) >= 0;
            if (!inRun) {
                break;
            }
            i--;
        }
        return i;
    }

    private static boolean isLatin(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ';
    }

    private static boolean isDottedList(String run) {
        for (int i = 0; i < run.length(); i++) {
            if (DOTS.indexOf(run.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> splitDotted(String run) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= run.length(); i++) {
            if (i == run.length() || DOTS.indexOf(run.charAt(i)) >= 0) {
                if (i > start) {
                    out.add(run.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
