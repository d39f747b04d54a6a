package org.epicontrol.notice.importing;

import static org.epicontrol.notice.text.NoticeText.BLANKS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.epicontrol.notice.text.ChineseNumerals;
import org.epicontrol.notice.text.NoticeText;

/**
 * Reads what a notice says about itself: issuer, number, year, issue date, effective date, title and legal basis,
 * from the lines before the designations (header, lead), the signature, and page furniture. Knows nothing of the
 * lists. Every pattern is bounded or possessive, and the texts it searches are capped, so it is linear.
 */
final class NoticeHeaderReader {

    private static final String WS = BLANKS;
    private static final String HAN = "[\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF]";
    private static final String CN_NUM = "[零〇一二两三四五六七八九十百千]{1,6}";
    static final String NUM = "(?:[0-9０-９]{1,6}|" + CN_NUM + ")";
    private static final String ISSUER_SUFFIX = "疫情防控工作领导小组办公室|领导小组办公室|指挥部办公室|指挥部"
            + "|疫情防控办公室|疫情防控办|防控办";
    private static final String ISSUER_LAST_CHARS = "室办部";
    private static final Pattern ISSUER_LINE = Pattern.compile(HAN + "{0,30}(?:" + ISSUER_SUFFIX + ")");
    private static final Pattern ISSUER_PUBLISHES = Pattern.compile("(?<issuer>" + HAN + "{0,30}?(?:"
            + ISSUER_SUFFIX + "))" + WS + "(?:今天|今日)?(?:发布|公布|印发|发出|关于)");
    private static final Pattern NOTICE_NUMBER = Pattern.compile("第" + WS + "(?<n>" + NUM + ")" + WS + "号");
    private static final Pattern YEAR_NUMBER = Pattern.compile("(?<y>[0-9]{4})" + WS + "年" + WS + "第" + WS
            + NUM + WS + "号");
    private static final Pattern NUMBER_LINE = Pattern.compile("[(\uFF08〔\\[【]?" + WS + "(?:[0-9]{4}" + WS + "年)?"
            + WS + "第" + WS + NUM + WS + "号" + WS + "[)\uFF09〕\\]】]?");
    private static final Pattern DATE = Pattern.compile("(?:(?<y>[0-9]{4}|[〇零一二三四五六七八九]{4})" + WS + "年" + WS
            + ")?(?<m>[0-9]{1,2}|[一二三四五六七八九十]{1,2})" + WS + "月" + WS
            + "(?<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})" + WS + "[日号]");
    // What may stand between a date and its "起": an hour, minutes ("11月28日0时起", "12月1日零时00分起").
    private static final Pattern HOUR_BEFORE_START = Pattern.compile(WS + "(?:(?:[0-9]{1,2}|[零〇一二三四五六七八九十]{1,3})"
            + WS + "[时点]" + WS + "(?:(?:[0-9]{1,2}|整)" + WS + "分?)?)?" + WS + "(?:开始|起)");
    // "即日起", "自发布之日起", "自公布之日起": the notice takes effect on its issue date.
    private static final List<String> IMMEDIATE = List.of("即日起", "发布之日起", "公布之日起", "印发之日起");
    private static final Pattern TITLE = Pattern.compile("关于[^。:\uFF1A《》\\n]{1,80}?通告");
    private static final Pattern LEGAL_BASIS = Pattern.compile("根据(?<basis>[^。\\n]{1,300}?)"
            + "(?:的有关规定|有关规定|相关规定|的规定|规定|的要求|要求)");
    // Caps keep searches linear even when a hostile text puts a megabyte before the first section.
    static final int SEARCH_CHARS_PER_LINE = 4000;
    static final int SEARCH_LINES = 60;

    /** The lines and paragraphs the header is read from, as the line reader sorted them. */
    record Sources(List<String> preTexts, List<String> headings, List<String> signature, List<String> furniture,
                   String lead, String openings, String measures, String text) {
    }

    private final List<String> issuerNamesLongestFirst;

    /** @param issuerNames every name an issuer is known by (aliases): a text printing one of them names it */
    NoticeHeaderReader(List<String> issuerNames) {
        List<String> names = new ArrayList<>();
        for (String name : issuerNames) {
            String clean = NoticeText.withoutBlanks(name);
            if (!clean.isEmpty()) {
                names.add(clean);
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        this.issuerNamesLongestFirst = List.copyOf(names);
    }

    static boolean isIssuerLine(String bare) {
        return bare.length() <= 40 && !bare.isEmpty()
                && ISSUER_LAST_CHARS.indexOf(bare.charAt(bare.length() - 1)) >= 0
                && ISSUER_LINE.matcher(bare).matches();
    }

    static boolean isDateLine(String line) {
        if (line.length() > 24 || line.indexOf('月') < 0) {
            return false;
        }
        Matcher dm = DATE.matcher(line);
        return dm.matches() && toDate(dm) != null;
    }

    static boolean isNumberLine(String line) {
        return line.length() <= 30 && line.indexOf('第') >= 0 && NUMBER_LINE.matcher(line).matches();
    }

    /**
     * The issuer's name as printed: the first header line naming a known issuer or shaped like an office's name
     * ("…领导小组办公室", "…发布第N号通告"), else such a signature line.
     */
    String issuer(Sources s) {
        for (String t : s.preTexts()) {
            String known = knownIssuerIn(t);
            if (known != null) {
                return known;
            }
            String bare = stripTrailingColon(t);
            if (bare.length() <= 40 && ISSUER_LINE.matcher(bare).matches()) {
                return bare;
            }
            Matcher m = ISSUER_PUBLISHES.matcher(t);
            if (m.find()) {
                return m.group("issuer");
            }
        }
        for (String t : s.signature()) {
            String known = knownIssuerIn(t);
            if (known != null) {
                return known;
            }
            if (t.length() <= 40 && ISSUER_LINE.matcher(t).matches()) {
                return t;
            }
        }
        return null;
    }

    private String knownIssuerIn(String line) {
        // Names are matched without blanks: OCR and web pages put spaces inside them.
        String bare = NoticeText.withoutBlanks(cap(line));
        for (String name : issuerNamesLongestFirst) {
            if (bare.contains(name)) {
                return name;
            }
        }
        return null;
    }

    Integer number(Sources s) {
        for (List<String> source : List.of(s.preTexts(), s.signature())) {
            for (String t : source) {
                Matcher m = NOTICE_NUMBER.matcher(t);
                if (m.find()) {
                    return ChineseNumerals.parse(m.group("n"));
                }
            }
        }
        return null;
    }

    Integer headerYear(Sources s) {
        for (String t : s.preTexts()) {
            Matcher m = YEAR_NUMBER.matcher(t);
            if (m.find()) {
                return Integer.valueOf(m.group("y"));
            }
        }
        return null;
    }

    /**
     * The issue date: the signature's when printed, else a web page's source line ("来源:太原日报 2022年11月22日
     * 23:40"), else the header's and lead's ("11月30日,…发布", never a "…日起" that says when it takes effect), else
     * the first date anywhere.
     */
    ParsedDate date(Sources s) {
        for (String t : s.signature()) {
            ParsedDate hit = firstDate(t, false);
            if (hit != null) {
                return hit;
            }
        }
        for (String t : s.furniture()) {
            if (PageFurniture.isSourceLine(t)) {
                ParsedDate hit = firstDate(t, false);
                if (hit != null) {
                    return hit;
                }
            }
        }
        for (String t : s.preTexts()) {
            ParsedDate hit = firstDate(t, true);
            if (hit != null) {
                return hit;
            }
        }
        return firstDate(cap(s.text()), false);
    }

    /**
     * The date the designations take effect, read from the lead, else the text that opens each list ("自11月28日起
     * 小店区新增高风险区1个,分别是:"), else the measures: "11月28日起",
     * "自2022年11月28日起", "11月28日0时起". Null for "即日起" or when nothing is said: the issue date then.
     */
    ParsedDate effectiveFrom(Sources s) {
        for (String source : new String[] {s.lead(), s.openings(), s.measures()}) {
            if (source == null || source.isEmpty()) {
                continue;
            }
            String t = cap(source);
            int immediate = firstImmediate(t);
            Matcher m = DATE.matcher(t);
            while (m.find() && (immediate < 0 || m.start() < immediate)) {
                ParsedDate date = toDate(m);
                if (date != null && startsAt(t, m.end())) {
                    return date;
                }
            }
            if (immediate >= 0) {
                return null;
            }
        }
        return null;
    }

    private static int firstImmediate(String t) {
        int first = -1;
        for (String marker : IMMEDIATE) {
            int k = t.indexOf(marker);
            if (k >= 0 && (first < 0 || k < first)) {
                first = k;
            }
        }
        return first;
    }

    String title(Sources s, Predicate<String> plainLine) {
        for (String t : s.preTexts()) {
            Matcher m = TITLE.matcher(t);
            if (m.find()) {
                return m.group();
            }
        }
        if (!s.headings().isEmpty()) {
            return stripTrailingColon(s.headings().get(0));
        }
        for (String t : s.preTexts()) {
            if (plainLine.test(t) && t.length() <= 50 && t.indexOf('。') < 0 && t.indexOf(',') < 0
                    && t.indexOf('\uFF0C') < 0) {
                return stripTrailingColon(t);
            }
        }
        return null;
    }

    String legalBasis(Sources s) {
        List<String> sources = new ArrayList<>();
        sources.add(cap(s.lead()));
        sources.addAll(s.preTexts());
        sources.add(s.measures() == null ? "" : cap(s.measures()));
        for (String source : sources) {
            Matcher m = LEGAL_BASIS.matcher(source);
            if (m.find()) {
                String basis = NoticeText.clean(m.group("basis"));
                if (!basis.isEmpty()) {
                    return basis;
                }
            }
        }
        return null;
    }

    /** First date in {@code source}; with {@code skipStarts}, not one followed by "起" (a date of effect). */
    private static ParsedDate firstDate(String source, boolean skipStarts) {
        Matcher m = DATE.matcher(source);
        while (m.find()) {
            ParsedDate hit = toDate(m);
            if (hit != null && !(skipStarts && startsAt(source, m.end()))) {
                return hit;
            }
        }
        return null;
    }

    /** True if a date ending at {@code end} is followed by "起" or "开始", an hour allowed in between. */
    private static boolean startsAt(String t, int end) {
        Matcher start = HOUR_BEFORE_START.matcher(t);
        start.region(end, t.length());
        return start.lookingAt();
    }

    private static ParsedDate toDate(Matcher m) {
        Integer month = ChineseNumerals.parse(m.group("m"));
        Integer day = ChineseNumerals.parse(m.group("d"));
        if (month == null || day == null || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        Integer year = m.group("y") == null ? null : ChineseNumerals.parse(m.group("y"));
        return new ParsedDate(year, month, day);
    }

    static String stripTrailingColon(String s) {
        String r = s;
        while (r.endsWith(":") || r.endsWith("\uFF1A")) {
            r = NoticeText.clean(r.substring(0, r.length() - 1));
        }
        return r;
    }

    static String cap(String s) {
        int max = SEARCH_CHARS_PER_LINE * 5;
        return s.length() > max ? s.substring(0, max) : s;
    }
}
