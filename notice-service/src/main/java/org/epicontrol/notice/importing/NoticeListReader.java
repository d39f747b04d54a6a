package org.epicontrol.notice.importing;

import static org.epicontrol.notice.text.NoticeText.BLANKS;
import static org.epicontrol.notice.text.NoticeText.clean;
import static org.epicontrol.notice.text.NoticeText.isHan;
import static org.epicontrol.notice.text.NoticeText.skipBlanks;
import static org.epicontrol.notice.text.NoticeText.skipBlanksAndBreaks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.epicontrol.notice.text.ChineseNumerals;
import org.epicontrol.notice.text.NoticeText;
import org.epicontrol.notice.text.NumberLists;

/**
 * Reads the text of one designation section into district lists ("万柏林区(8个):…") and items, and checks the
 * printed counts. Items are split on separators at bracket depth 0; a fragment that is only a number
 * ("…6巷5、6、8号") continues the item before it, since the notice printed and counted it as one. Prose sentences
 * found after a "。" are handed back as measures. Hand-written scanning: long lists ask these questions once per
 * item, and every loop checks the {@link ParseDeadline}.
 */
final class NoticeListReader {

    static final String NUMBERING = "(?:[一二三四五六七八九十]{1,3}[、.．]|[(\uFF08][一二三四五六七八九十0-9]{1,3}[)\uFF09]"
            + "|[0-9]{1,2}[、.．]|[①-⑳])";
    static final String NUMBERING_FIRST_CHARS = "一二三四五六七八九十(\uFF080123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    static final Pattern NUMBERING_START = Pattern.compile(BLANKS + NUMBERING);
    static final Pattern PROSE_START = Pattern.compile(BLANKS
            + "(?:根据|即日起|自即日起|本报讯|特此|本通告|以上|上述|请|广大|对上述|对以上|注[:\uFF1A])");
    private static final Pattern PROSE_WORDS = Pattern.compile("实行|执行|核酸|防护|足不出户|上门服务|居家|请|市民|居民");
    // Numbering + 15-char name + "(共123个)" with spaces fits well within this.
    private static final int DISTRICT_HEADER_MAX = 40;
    private static final String DISTRICT_ENDINGS = "区县市旗";
    private static final String CN_NUM_CHARS = "零〇一二两三四五六七八九十百千";
    private static final long NO_COUNT = -1;
    private static final long NO_COUNT_MATCH = -2;

    private final List<String> levels;

    NoticeListReader(List<String> levels) {
        this.levels = levels;
    }

    record DistrictHit(String name, Integer count, int end) {
    }

    private static final class DistrictAcc {
        final String name;
        final Integer count;
        final List<String> items = new ArrayList<>();

        DistrictAcc(String name, Integer count) {
            this.name = name;
            this.count = count;
        }
    }

    /** One reading of a section: its outcome goes to the parse's warnings and measures. */
    private final class Scan {
        final String s;
        final List<DistrictAcc> districts = new ArrayList<>();
        final StringBuilder item = new StringBuilder();
        final Consumer<String> measures;
        final ParseDeadline deadline;
        DistrictAcc current;
        // The separator before the item being read, kept when a bare number joins the item before it.
        char separator;

        Scan(String s, Consumer<String> measures, ParseDeadline deadline) {
            this.s = s;
            this.measures = measures;
            this.deadline = deadline;
        }

        void run() {
            int n = s.length();
            int depth = 0;
            boolean segmentStart = true;
            int i = 0;
            while (i < n) {
                deadline.check();
                if (segmentStart) {
                    i = skipBlanksAndBreaks(s, i);
                    if (i >= n) {
                        break;
                    }
                    DistrictHit hit = districtAt(s, i);
                    if (hit != null) {
                        current = new DistrictAcc(hit.name(), hit.count());
                        districts.add(current);
                        separator = 0;
                        i = hit.end();
                        continue;
                    }
                    segmentStart = false;
                }
                char c = s.charAt(i);
                if (c == '\n') {
                    // A break before a district header ends the item even inside an unclosed parenthesis;
                    // any other break is the newspaper's and is repaired by joining.
                    if (districtAt(s, skipBlanksAndBreaks(s, i + 1)) != null) {
                        flush((char) 0);
                        depth = 0;
                        segmentStart = true;
                    }
                    i++;
                    continue;
                }
                if (NoticeText.isOpener(c)) {
                    depth++;
                } else if (NoticeText.isCloser(c)) {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0 && NoticeText.isSeparator(c)) {
                    flush(c);
                    segmentStart = true;
                    i++;
                    continue;
                } else if (depth == 0 && c == '。') {
                    flush((char) 0);
                    int j = skipBlanksAndBreaks(s, i + 1);
                    if (j >= n || districtAt(s, j) != null) {
                        segmentStart = true;
                        i = j;
                        continue;
                    }
                    int stop = sentenceEnd(s, j, deadline);
                    String sentence = clean(s.substring(j, stop).replace("\n", ""));
                    if (looksLikeProse(sentence)) {
                        measures.accept(sentence);
                        // Re-enter at the sentence's own "。" so that what follows it is judged the same way.
                        i = stop < n && s.charAt(stop - 1) == '。' ? stop - 1 : stop;
                        continue;
                    }
                    segmentStart = true;
                    i = j;
                    continue;
                }
                item.append(c);
                i++;
            }
            flush((char) 0);
        }

        /** Ends the item being read; {@code next} is the separator that ended it (0 for none). */
        private void flush(char next) {
            String value = clean(item.toString());
            item.setLength(0);
            while (value.endsWith("。")) {
                value = clean(value.substring(0, value.length() - 1));
            }
            if (value.isEmpty()) {
                return;
            }
            if (current == null) {
                current = new DistrictAcc(null, null);
                districts.add(current);
            }
            List<String> items = current.items;
            if (separator != 0 && !items.isEmpty() && NumberLists.isBareNumber(value)) {
                // "6巷5、6、8号": one printed item, counted once; the area parser reads its numbers.
                items.set(items.size() - 1, items.get(items.size() - 1) + separator + value);
            } else {
                items.add(value);
            }
            separator = next;
        }
    }

    /**
     * Splits a section's text into district lists and items; prose sentences found after a "。" go to
     * {@code measures}, inconsistencies to {@code warnings}.
     */
    ParsedSection read(SectionText section, Consumer<String> measures, List<ParseWarning> warnings,
                       ParseDeadline deadline) {
        Scan scan = new Scan(section.content.toString(), measures, deadline);
        scan.run();
        return finish(section, scan.districts, warnings);
    }

    /** End (exclusive) of the sentence starting at j: after its "。", or before a line that opens a district. */
    private int sentenceEnd(String s, int j, ParseDeadline deadline) {
        int n = s.length();
        for (int k = j; k < n; k++) {
            deadline.check();
            char c = s.charAt(k);
            if (c == '。') {
                return k + 1;
            }
            if (c == '\n' && districtAt(s, skipBlanksAndBreaks(s, k + 1)) != null) {
                return k;
            }
        }
        return n;
    }

    private static ParsedSection finish(SectionText sb, List<DistrictAcc> districts, List<ParseWarning> warnings) {
        String sectionName = (sb.action == null ? "" : sb.action) + sb.level;
        List<ParsedDistrictList> lists = new ArrayList<>();
        int total = 0;
        for (DistrictAcc d : districts) {
            int listed = d.items.size();
            total += listed;
            if (d.name == null) {
                warnings.add(new ParseWarning(ParseWarning.SECTION_WITHOUT_DISTRICT, "Section '" + sectionName
                        + "' lists " + listed + " area(s) without a district header; they are kept with no district."));
            } else if (listed == 0) {
                if (d.count == null || d.count != 0) {
                    warnings.add(new ParseWarning(ParseWarning.DISTRICT_EMPTY, "District " + d.name + " in section '"
                            + sectionName + "' declares " + (d.count == null ? "an unstated number of"
                            : d.count.toString()) + " area(s) but lists 0."));
                }
            } else if (d.count != null && d.count != listed) {
                warnings.add(new ParseWarning(ParseWarning.DISTRICT_COUNT_MISMATCH, "District " + d.name
                        + " in section '" + sectionName + "' declares " + d.count + " area(s) but lists " + listed + "."));
            }
            lists.add(new ParsedDistrictList(d.name, d.count, d.items));
        }
        if (sb.count != null && sb.count != total) {
            warnings.add(new ParseWarning(ParseWarning.SECTION_COUNT_MISMATCH, "Section '" + sectionName
                    + "' declares " + sb.count + " area(s) but its districts list " + total + "."));
        }
        return new ParsedSection(sb.level, sb.action, sb.count, lists);
    }

    /**
     * District header starting at {@code from}: optional numbering, a name ending in 区/县/市/旗, an optional count
     * "(N个)" or "N个", then ":". Hand-written rather than a regex because long lists ask this once per item.
     */
    DistrictHit districtAt(String s, int from) {
        if (from >= s.length()) {
            return null;
        }
        int colon = colonBeforeSeparator(s, from);
        if (colon < 0) {
            return null;
        }
        int start = skipBlanks(s, from, colon);
        if (start < colon && NUMBERING_FIRST_CHARS.indexOf(s.charAt(start)) >= 0) {
            Matcher nm = NUMBERING_START.matcher(s);
            nm.region(start, colon);
            if (nm.lookingAt()) {
                start = skipBlanks(s, nm.end(), colon);
            }
        }
        // Shortest name whose rest up to the colon is a valid count: "小店区(1个)" not "小店区(1个)…区".
        for (int k = start + 1; k < colon && k - start <= 15 && isHan(s.charAt(k - 1)); k++) {
            if (DISTRICT_ENDINGS.indexOf(s.charAt(k)) < 0) {
                continue;
            }
            long count = countUpTo(s, k + 1, colon);
            if (count == NO_COUNT_MATCH) {
                continue;
            }
            String name = s.substring(start, k + 1);
            if (name.endsWith("小区") || containsLevel(name)) {
                return null;
            }
            return new DistrictHit(name, count == NO_COUNT ? null : (int) count, colon + 1);
        }
        return null;
    }

    /**
     * Index of the ":" a district header starting at {@code from} would end with, or -1: it comes within a few
     * chars and before any item separator. Saves a regex run per item of long lists and bounds the one left.
     */
    private static int colonBeforeSeparator(String s, int from) {
        int end = Math.min(s.length(), from + DISTRICT_HEADER_MAX);
        for (int k = from; k < end; k++) {
            switch (s.charAt(k)) {
                case ':', '\uFF1A' -> {
                    return k;
                }
                case ',', '\uFF0C', '、', ';', '\uFF1B', '。', '\n' -> {
                    return -1;
                }
                default -> {
                    // part of a name or count: keep looking
                }
            }
        }
        return -1;
    }

    /**
     * Reads what may stand between a district name and its colon: blanks and at most one count, "(共N个)" or
     * "N个". Returns the count, {@link #NO_COUNT} when there is none, {@link #NO_COUNT_MATCH} for anything else.
     */
    private static long countUpTo(String s, int from, int colon) {
        int i = skipBlanks(s, from, colon);
        if (i == colon) {
            return NO_COUNT;
        }
        boolean parenthesised = s.charAt(i) == '(' || s.charAt(i) == '\uFF08';
        if (parenthesised) {
            i = skipBlanks(s, i + 1, colon);
        }
        if (i < colon && s.charAt(i) == '共') {
            i = skipBlanks(s, i + 1, colon);
        }
        int numberStart = i;
        boolean digits = i < colon && Character.digit(s.charAt(i), 10) >= 0;
        while (i < colon && i - numberStart < 6
                && (digits ? Character.digit(s.charAt(i), 10) >= 0 : CN_NUM_CHARS.indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        if (i == numberStart) {
            return NO_COUNT_MATCH;
        }
        Integer value = ChineseNumerals.parse(s.substring(numberStart, i));
        i = skipBlanks(s, i, colon);
        boolean unit = i < colon && (s.charAt(i) == '个' || s.charAt(i) == '处');
        if (unit) {
            i = skipBlanks(s, i + 1, colon);
        }
        if (parenthesised) {
            if (i >= colon || s.charAt(i) != ')' && s.charAt(i) != '\uFF09') {
                return NO_COUNT_MATCH;
            }
            i = skipBlanks(s, i + 1, colon);
        } else if (!unit) {
            return NO_COUNT_MATCH;
        }
        return i == colon && value != null ? value : NO_COUNT_MATCH;
    }

    boolean containsLevel(String s) {
        for (String level : levels) {
            if (s.contains(level)) {
                return true;
            }
        }
        return false;
    }

    private boolean looksLikeProse(String sentence) {
        return containsLevel(sentence) || NUMBERING_START.matcher(sentence).lookingAt()
                || PROSE_START.matcher(sentence).lookingAt() || PROSE_WORDS.matcher(sentence).find();
    }
}
