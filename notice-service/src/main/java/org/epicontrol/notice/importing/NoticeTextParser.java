package org.epicontrol.notice.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.epicontrol.notice.area.ChineseNumerals;

/**
 * Reads an epidemic-control notice (通告) as a newspaper or an office printed it, line breaks included.
 *
 * <p>The text is read line by line with a small state machine: header and lead, then designation sections
 * ("新增高风险区20个,分别是:" / "一、新增高风险区"), each holding district lists ("万柏林区(8个):…"), then measures and
 * signature. Items are split on separators at parenthesis depth 0. A published notice is a legal fact: nothing is
 * dropped or "fixed"; inconsistencies become {@link ParseWarning}s.
 *
 * <p>All patterns are linear or bounded (no nested unbounded quantifiers), so hostile or huge input is parsed or
 * rejected in linear time. Instances are immutable and thread-safe.
 */
public final class NoticeTextParser {

    private static final String WS = "[\\s\\u3000]*";
    // CJK ideographs as plain ranges: as good as \p{IsHan} for notices and much cheaper per char.
    private static final String HAN = "[\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF]";
    private static final String CN_NUM = "[零〇一二两三四五六七八九十百千]{1,6}";
    private static final String NUM = "(?:[0-9０-９]{1,6}|" + CN_NUM + ")";
    private static final String NUMBERING = "(?:[一二三四五六七八九十]{1,3}[、.．]|[(\uFF08][一二三四五六七八九十0-9]{1,3}[)\uFF09]"
            + "|[0-9]{1,2}[、.．]|[①-⑳])";
    // Longer verbs first so that "调整为" wins over "调整"; a bare "为" catches "以下区域为高风险区:".
    private static final String ACTIONS = "新增|调整为|调整|划定为|划定|划为|列为|纳入|确定为|升级为|升为|降级为|降为"
            + "|解除|继续为|仍为|维持|为";
    private static final String ISSUER_SUFFIX = "疫情防控工作领导小组办公室|领导小组办公室|指挥部办公室|指挥部"
            + "|疫情防控办公室|疫情防控办|防控办";
    private static final String OPENERS = "(\uFF08【[〔";
    private static final String CLOSERS = ")\uFF09】]〕";
    private static final String SEPARATORS = ",\uFF0C、;\uFF1B";
    private static final String TERMINALS = "。!\uFF01?\uFF1F:\uFF1A;\uFF1B";
    private static final String CLAUSE_MARKS = "。;\uFF1B,\uFF0C!\uFF01";
    private static final String ISSUER_LAST_CHARS = "室办部";
    private static final String NUMBERING_FIRST_CHARS = "一二三四五六七八九十(\uFF080123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    private static final String PROSE_FIRST_CHARS = "根即自本特以上请广对注";
    // Bounds of a header around its level name: numbering + 16-char prefix + verb before, count + "分别是:" after.
    private static final int HEADER_HEAD = 40;
    private static final int HEADER_TAIL = 40;
    // Numbering + 15-char name + "(共123个)" with spaces fits well within this.
    private static final int DISTRICT_HEADER_MAX = 40;
    private static final String DISTRICT_ENDINGS = "区县市旗";
    private static final String CN_NUM_CHARS = "零〇一二两三四五六七八九十百千";
    private static final long NO_COUNT = -1;
    private static final long NO_COUNT_MATCH = -2;
    // Caps keep metadata searches linear even when a hostile text puts a megabyte before the first section.
    private static final int SEARCH_CHARS_PER_LINE = 4000;
    private static final int SEARCH_LINES = 60;

    // "(共20个)" or "20个" after a level or district name.
    private static final String COUNT = "(?:[(\uFF08]" + WS + "(?:共)?" + WS + "(?<countParen>" + NUM + ")" + WS
            + "(?:个|处)?" + WS + "[)\uFF09]|(?:共)?(?<countBare>" + NUM + ")" + WS + "(?:个|处))";
    // Text a colon header may carry before its verb ("以下区域"), never crossing a clause or a parenthesis.
    private static final String HEADER_PREFIX = "(?<prefix>[^:\uFF1A。;\uFF1B,\uFF0C、“”\"()\uFF08\uFF09\\n]{0,16}?)";

    private static final Pattern ISSUER_LINE = Pattern.compile(HAN + "{0,30}(?:" + ISSUER_SUFFIX + ")");
    private static final Pattern ISSUER_PUBLISHES = Pattern.compile("(?<issuer>" + HAN + "{0,30}?(?:"
            + ISSUER_SUFFIX + "))" + WS + "(?:今天|今日)?(?:发布|公布|印发|发出|关于)");
    private static final Pattern NOTICE_NUMBER = Pattern.compile("第" + WS + "(?<n>" + NUM + ")" + WS + "号");
    private static final Pattern YEAR_NUMBER = Pattern.compile("(?<y>[0-9]{4})" + WS + "年" + WS + "第" + WS
            + NUM + WS + "号");
    private static final Pattern NUMBER_LINE = Pattern.compile("[(\uFF08〔\\[【]?" + WS + "(?:[0-9]{4}" + WS + "年)?"
            + WS + "第" + WS + NUM + WS + "号" + WS + "[)\uFF09〕\\]】]?");
    private static final String DATE = "(?:(?<y>[0-9]{4}|[〇零一二三四五六七八九]{4})" + WS + "年" + WS + ")?"
            + "(?<m>[0-9]{1,2}|[一二三四五六七八九十]{1,2})" + WS + "月" + WS
            + "(?<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})" + WS + "[日号]";
    private static final Pattern DATE_ANY = Pattern.compile(DATE);
    private static final Pattern TITLE = Pattern.compile("关于[^。:\uFF1A《》\\n]{1,80}?通告");
    private static final Pattern LEGAL_BASIS = Pattern.compile("根据(?<basis>[^。\\n]{1,300}?)"
            + "(?:的有关规定|有关规定|相关规定|的规定|规定|的要求|要求)");
    private static final Pattern NUMBERING_START = Pattern.compile(WS + NUMBERING);
    private static final Pattern PROSE_START = Pattern.compile(WS
            + "(?:根据|即日起|自即日起|本报讯|特此|本通告|以上|上述|请|广大|对上述|对以上|注[:\uFF1A])");
    private static final Pattern PROSE_WORDS = Pattern.compile("实行|执行|核酸|防护|足不出户|上门服务|居家|请|市民|居民");

    private final List<String> levels;
    private final Pattern colonHeader;
    private final Pattern lineHeader;
    private final Pattern headline;

    /**
     * @param levelNames the zone vocabulary in force, e.g. 高风险区/低风险区 or 封控区/管控区/防范区
     */
    public NoticeTextParser(Collection<String> levelNames) {
        Objects.requireNonNull(levelNames, "levelNames");
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String level : levelNames) {
            String clean = clean(Objects.requireNonNull(level, "level name"));
            if (!clean.isEmpty()) {
                distinct.add(clean);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("At least one level name is required");
        }
        this.levels = List.copyOf(distinct);
        // Longest first so that a level contained in another never shadows it in the alternation.
        List<String> byLength = new ArrayList<>(distinct);
        byLength.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder alt = new StringBuilder();
        for (String level : byLength) {
            if (alt.length() > 0) {
                alt.append('|');
            }
            alt.append(Pattern.quote(level));
        }
        String level = "(?<level>" + alt + ")";
        this.colonHeader = Pattern.compile(WS + "(?:" + NUMBERING + ")?" + WS + HEADER_PREFIX
                + "(?<action>" + ACTIONS + ")?" + level + WS + COUNT + "?" + WS + "(?<suffix>[,\uFF0C]?" + WS
                + "(?:分别是|分别为|具体如下|具体为|名单如下|如下|包括))?" + WS + "[:\uFF1A]");
        this.lineHeader = Pattern.compile(WS + "(?:" + NUMBERING + ")?" + WS + "(?<action>" + ACTIONS + ")?" + level
                + WS + COUNT + "?" + WS + "[:\uFF1A。]?" + WS);
        this.headline = Pattern.compile("(?<action>" + ACTIONS + ")" + level + WS + "(?<n>" + NUM + ")" + WS
                + "(?:个|处)");
    }

    /** The level vocabulary this parser recognises, in the order given. */
    public List<String> levelNames() {
        return levels;
    }

    /**
     * Parses one notice.
     *
     * @throws NoticeFormatException with code TEXT_EMPTY, NOT_A_NOTICE, NOTICE_NUMBER_MISSING or DATE_MISSING
     */
    public ParsedNotice parse(String text) {
        if (text == null || clean(text).isEmpty()) {
            throw new NoticeFormatException(NoticeFormatException.TEXT_EMPTY, "The notice text is empty or blank.");
        }
        return new Run(text).parse();
    }

    private static Integer countOf(Matcher m) {
        String n = m.group("countParen");
        if (n == null) {
            n = m.group("countBare");
        }
        return n == null ? null : ChineseNumerals.parse(n);
    }

    private enum State { PRE, IN_SECTION, POST }

    private enum Kind { DISTRICT, ISSUER, DATE, NUMBER_LINE, TITLE, SIGN_OFF, NUMBERED, LEVEL_START, PROSE, OTHER }

    private record Line(String text, boolean heading) {
    }

    private record HeaderHit(int start, int end, String level, String action, Integer count) {
    }

    private record DistrictHit(String name, Integer count, int end) {
    }

    private record DateHit(Integer year, int month, int day) {
    }

    /** A section whose text is still being collected; line breaks inside it are kept as '\n' until scanning. */
    private static final class SectionBuilder {
        final String level;
        final String action;
        final Integer count;
        final StringBuilder content = new StringBuilder();

        SectionBuilder(String level, String action, Integer count) {
            this.level = level;
            this.action = action;
            this.count = count;
        }

        void appendLine(String text) {
            if (content.length() > 0) {
                content.append('\n');
            }
            content.append(text);
        }

        boolean endsSentence() {
            for (int i = content.length() - 1; i >= 0; i--) {
                char c = content.charAt(i);
                if (!isBlank(c)) {
                    return c == '。' || c == '!' || c == '\uFF01' || c == '?' || c == '\uFF1F';
                }
            }
            return false;
        }
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

    /** State of one parse; the parser itself stays immutable. */
    private final class Run {
        private final List<Line> lines = new ArrayList<>();
        private Kind[] kinds;
        private State state = State.PRE;
        private final List<String> preTexts = new ArrayList<>();
        private final List<String> headings = new ArrayList<>();
        private final StringBuilder lead = new StringBuilder();
        private final List<String> signature = new ArrayList<>();
        // Builders, so that a paragraph broken over many lines is joined in linear time.
        private final List<StringBuilder> measures = new ArrayList<>();
        private final List<ParsedSection> sections = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();
        private final String text;
        private SectionBuilder open;
        private SectionBuilder last;

        Run(String text) {
            this.text = text;
            splitLines(text);
        }

        ParsedNotice parse() {
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                Kind next = i + 1 < lines.size() && !lines.get(i + 1).heading() ? kinds[i + 1] : null;
                if (line.heading()) {
                    heading(line.text(), next);
                } else {
                    fragment(line.text(), kinds[i], next);
                }
            }
            closeSection();
            if (sections.isEmpty()) {
                throw new NoticeFormatException(NoticeFormatException.NOT_A_NOTICE,
                        "The text designates no area: no section such as \"新增" + levels.get(0)
                                + "N个,分别是:\" for the levels " + levels + " was found, so it is not a notice.");
            }
            checkHeadline();
            Integer number = number();
            if (number == null) {
                throw new NoticeFormatException(NoticeFormatException.NOTICE_NUMBER_MISSING,
                        "The notice has designation sections but no notice number such as \"第194号\".");
            }
            DateHit date = date();
            if (date == null) {
                throw new NoticeFormatException(NoticeFormatException.DATE_MISSING,
                        "The notice prints no issue date (month and day, e.g. \"11月30日\").");
            }
            Integer year = date.year() != null ? date.year() : headerYear();
            return new ParsedNotice(issuer(), year, number, date.month(), date.day(), title(), legalBasis(),
                    measuresText(), sections, warnings);
        }

        private void splitLines(String source) {
            int start = 0;
            int n = source.length();
            for (int i = 0; i <= n; i++) {
                if (i == n || source.charAt(i) == '\n' || source.charAt(i) == '\r') {
                    addLine(source.substring(start, i));
                    start = i + 1;
                }
            }
            kinds = new Kind[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                kinds[i] = lines.get(i).heading() ? Kind.OTHER : classify(lines.get(i).text());
            }
        }

        private void addLine(String raw) {
            String line = clean(raw);
            boolean heading = false;
            if (line.startsWith("#")) {
                int k = 0;
                while (k < line.length() && line.charAt(k) == '#') {
                    k++;
                }
                line = clean(line.substring(k));
                heading = true;
            }
            // Markdown bold around a whole line carries no meaning for the notice.
            if (line.length() > 4 && line.startsWith("**") && line.endsWith("**")) {
                line = clean(line.substring(2, line.length() - 2));
            }
            if (!line.isEmpty()) {
                lines.add(new Line(line, heading));
            }
        }

        private void heading(String line, Kind next) {
            // A heading is a section header only when a district list follows it directly; titles such as
            // "我市新增高风险区20个" are followed by the lead instead.
            HeaderHit hit = findHeader(line, 0, next, true);
            if (hit != null) {
                fragment(line, null, next);
                return;
            }
            if (state == State.IN_SECTION) {
                closeSection();
                state = State.POST;
            }
            headings.add(line);
            if (state == State.PRE) {
                addPre(line);
            }
        }

        /** A line that may hold section headers; {@code own} is the line's kind when already known. */
        private void fragment(String line, Kind own, Kind next) {
            int from = 0;
            boolean force = false;
            while (from < line.length()) {
                HeaderHit hit = findHeader(line, from, next, false);
                if (hit == null) {
                    plain(clean(line.substring(from)), from == 0 ? own : null, force);
                    return;
                }
                String before = clean(line.substring(from, hit.start()));
                if (!before.isEmpty()) {
                    plain(before, null, force);
                }
                startSection(hit);
                from = hit.end();
                force = true;
            }
        }

        private HeaderHit findHeader(String line, int from, Kind next, boolean heading) {
            int[] nextByLevel = new int[levels.size()];
            Arrays.fill(nextByLevel, -2);
            // Every header names a level: most list lines name none and leave here.
            int firstLevel = nextLevel(line, from, nextByLevel);
            if (firstLevel < 0) {
                return null;
            }
            boolean nextIsDistrict = next == Kind.DISTRICT;
            if (from == 0 && firstLevel <= HEADER_HEAD) {
                Matcher lm = lineHeader.matcher(line);
                if (lm.matches()) {
                    boolean strong = lm.group("action") != null || countOf(lm) != null;
                    // A bare "高风险区" line, or a heading, is a header only right before a district list.
                    boolean ok = heading || !strong ? nextIsDistrict : (next == Kind.DISTRICT || next == Kind.OTHER);
                    if (ok) {
                        return new HeaderHit(0, line.length(), lm.group("level"), lm.group("action"), countOf(lm));
                    }
                    return null;
                }
            }
            // Headers start at the line start or after a clause mark, and always name a level: look only there,
            // so that a megabyte of list text costs one cheap bounded match per level occurrence.
            Matcher m = colonHeader.matcher(line);
            int searchFrom = from;
            while (true) {
                int p = nextLevel(line, searchFrom, nextByLevel);
                if (p < 0) {
                    return null;
                }
                int q = colonSoonAfter(line, p) ? clauseStart(line, p, from) : -1;
                if (q >= 0) {
                    m.region(q, Math.min(line.length(), p + HEADER_TAIL));
                    if (m.lookingAt()) {
                        boolean strong = m.group("action") != null || countOf(m) != null
                                || m.group("suffix") != null;
                        int after = skipBlank(line, m.end());
                        boolean districtFollows = after >= line.length() ? nextIsDistrict
                                : districtAt(line, after) != null;
                        if ((strong && !heading) || districtFollows) {
                            return new HeaderHit(m.start(), m.end(), m.group("level"), m.group("action"),
                                    countOf(m));
                        }
                    }
                }
                searchFrom = p + 1;
            }
        }

        private void plain(String line, Kind known, boolean forceContent) {
            if (line.isEmpty()) {
                return;
            }
            switch (state) {
                case PRE -> {
                    addPre(line);
                    Kind kind = known != null ? known : classify(line);
                    if (kind != Kind.ISSUER && kind != Kind.TITLE && kind != Kind.NUMBER_LINE && kind != Kind.DATE) {
                        appendJoined(lead, line, kind);
                    }
                }
                case IN_SECTION -> {
                    if (forceContent) {
                        open.content.append(line);
                        return;
                    }
                    Kind kind = known != null ? known : classify(line);
                    // A line that is neither a district nor prose continues the list: the newspaper broke it.
                    if (kind == Kind.DISTRICT || kind == Kind.OTHER && !open.endsSentence()) {
                        open.appendLine(line);
                    } else {
                        closeSection();
                        state = State.POST;
                        plain(line, kind, false);
                    }
                }
                case POST -> {
                    Kind kind = known != null ? known : classify(line);
                    switch (kind) {
                        case ISSUER, DATE, SIGN_OFF -> signature.add(line);
                        case TITLE, NUMBER_LINE -> addPre(line);
                        case DISTRICT -> {
                            if (last == null) {
                                addMeasure(line, kind);
                            } else {
                                // A district list after prose still belongs to the last level: keep its items.
                                open = new SectionBuilder(last.level, last.action, null);
                                state = State.IN_SECTION;
                                open.appendLine(line);
                            }
                        }
                        default -> addMeasure(line, kind);
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }

        private void addPre(String line) {
            if (preTexts.size() < SEARCH_LINES) {
                preTexts.add(line.length() > SEARCH_CHARS_PER_LINE ? line.substring(0, SEARCH_CHARS_PER_LINE) : line);
            }
        }

        private void addMeasure(String line, Kind kind) {
            StringBuilder lastParagraph = measures.isEmpty() ? null : measures.get(measures.size() - 1);
            if (lastParagraph != null && kind == Kind.OTHER && !endsWithTerminal(lastParagraph)) {
                lastParagraph.append(line);
            } else {
                measures.add(new StringBuilder(line));
            }
        }

        private String measuresText() {
            if (measures.isEmpty()) {
                return null;
            }
            return String.join("\n", measures);
        }

        private void startSection(HeaderHit hit) {
            closeSection();
            open = new SectionBuilder(hit.level(), hit.action(), hit.count());
            last = open;
            state = State.IN_SECTION;
        }

        private void closeSection() {
            if (open != null) {
                sections.add(scan(open));
                open = null;
            }
        }

        /** Splits a section's text into district lists and items; prose sentences found after a "。" go to measures. */
        private ParsedSection scan(SectionBuilder sb) {
            String s = sb.content.toString();
            int n = s.length();
            List<DistrictAcc> districts = new ArrayList<>();
            DistrictAcc current = null;
            StringBuilder item = new StringBuilder();
            int depth = 0;
            boolean segmentStart = true;
            int i = 0;
            while (i < n) {
                if (segmentStart) {
                    i = skipBlank(s, i);
                    if (i >= n) {
                        break;
                    }
                    DistrictHit hit = districtAt(s, i);
                    if (hit != null) {
                        current = new DistrictAcc(hit.name(), hit.count());
                        districts.add(current);
                        i = hit.end();
                        continue;
                    }
                    segmentStart = false;
                }
                char c = s.charAt(i);
                if (c == '\n') {
                    // A break before a district header ends the item even inside an unclosed parenthesis;
                    // any other break is the newspaper's and is repaired by joining.
                    if (districtAt(s, skipBlank(s, i + 1)) != null) {
                        current = flush(item, current, districts);
                        depth = 0;
                        segmentStart = true;
                    }
                    i++;
                    continue;
                }
                if (OPENERS.indexOf(c) >= 0) {
                    depth++;
                } else if (CLOSERS.indexOf(c) >= 0) {
                    depth = Math.max(0, depth - 1);
                } else if (depth == 0 && SEPARATORS.indexOf(c) >= 0) {
                    current = flush(item, current, districts);
                    segmentStart = true;
                    i++;
                    continue;
                } else if (depth == 0 && c == '。') {
                    current = flush(item, current, districts);
                    int j = skipBlank(s, i + 1);
                    if (j >= n || districtAt(s, j) != null) {
                        segmentStart = true;
                        i = j;
                        continue;
                    }
                    int stop = sentenceEnd(s, j);
                    String sentence = clean(s.substring(j, stop).replace("\n", ""));
                    if (looksLikeProse(sentence)) {
                        addMeasure(sentence, Kind.PROSE);
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
            current = flush(item, current, districts);
            return finish(sb, districts);
        }

        /** End (exclusive) of the sentence starting at j: after its "。", or before a line that opens a district. */
        private int sentenceEnd(String s, int j) {
            int n = s.length();
            for (int k = j; k < n; k++) {
                char c = s.charAt(k);
                if (c == '。') {
                    return k + 1;
                }
                if (c == '\n' && districtAt(s, skipBlank(s, k + 1)) != null) {
                    return k;
                }
            }
            return n;
        }

        private DistrictAcc flush(StringBuilder item, DistrictAcc current, List<DistrictAcc> districts) {
            String value = clean(item.toString());
            item.setLength(0);
            while (value.endsWith("。")) {
                value = clean(value.substring(0, value.length() - 1));
            }
            if (value.isEmpty()) {
                return current;
            }
            DistrictAcc target = current;
            if (target == null) {
                target = new DistrictAcc(null, null);
                districts.add(target);
            }
            target.items.add(value);
            return target;
        }

        private ParsedSection finish(SectionBuilder sb, List<DistrictAcc> districts) {
            String sectionName = (sb.action == null ? "" : sb.action) + sb.level;
            List<ParsedDistrictList> lists = new ArrayList<>();
            int total = 0;
            for (DistrictAcc d : districts) {
                int listed = d.items.size();
                total += listed;
                if (d.name == null) {
                    warnings.add(new ParseWarning(ParseWarning.SECTION_WITHOUT_DISTRICT, "Section '" + sectionName + "' lists " + listed
                            + " area(s) without a district header; they are kept with no district."));
                } else if (listed == 0) {
                    if (d.count == null || d.count != 0) {
                        warnings.add(new ParseWarning(ParseWarning.DISTRICT_EMPTY, "District " + d.name + " in section '" + sectionName + "' declares "
                                + (d.count == null ? "an unstated number of" : d.count.toString())
                                + " area(s) but lists 0."));
                    }
                } else if (d.count != null && d.count != listed) {
                    warnings.add(new ParseWarning(ParseWarning.DISTRICT_COUNT_MISMATCH, "District " + d.name + " in section '" + sectionName + "' declares " + d.count
                            + " area(s) but lists " + listed + "."));
                }
                lists.add(new ParsedDistrictList(d.name, d.count, d.items));
            }
            if (sb.count != null && sb.count != total) {
                warnings.add(new ParseWarning(ParseWarning.SECTION_COUNT_MISMATCH, "Section '" + sectionName + "' declares " + sb.count + " area(s) but its districts list "
                        + total + "."));
            }
            return new ParsedSection(sb.level, sb.action, sb.count, lists);
        }

        private void checkHeadline() {
            Map<String, Integer> totals = headlineTotals(lead.toString());
            if (totals.isEmpty()) {
                totals = headlineTotals(String.join("\n", headings));
            }
            for (Map.Entry<String, Integer> e : totals.entrySet()) {
                int listed = 0;
                for (ParsedSection s : sections) {
                    if (s.levelName().equals(e.getKey())) {
                        listed += s.itemCount();
                    }
                }
                if (listed != e.getValue()) {
                    warnings.add(new ParseWarning(ParseWarning.HEADLINE_TOTAL_MISMATCH, String.format(
                            "The lead announces %d %s but the sections list %d.", e.getValue(), e.getKey(), listed)));
                }
            }
        }

        private Map<String, Integer> headlineTotals(String source) {
            Map<String, Integer> totals = new LinkedHashMap<>();
            Matcher m = headline.matcher(cap(source));
            while (m.find()) {
                Integer n = ChineseNumerals.parse(m.group("n"));
                if (n != null) {
                    // The first figure per level is the headline; later ones restate it.
                    totals.putIfAbsent(m.group("level"), n);
                }
            }
            return totals;
        }

        private Integer number() {
            for (List<String> source : List.of(preTexts, signature)) {
                for (String t : source) {
                    Matcher m = NOTICE_NUMBER.matcher(t);
                    if (m.find()) {
                        return ChineseNumerals.parse(m.group("n"));
                    }
                }
            }
            return null;
        }

        private Integer headerYear() {
            for (String t : preTexts) {
                Matcher m = YEAR_NUMBER.matcher(t);
                if (m.find()) {
                    return Integer.valueOf(m.group("y"));
                }
            }
            return null;
        }

        private DateHit date() {
            // The signature date is the official one; otherwise the lead's "11月30日,…发布", otherwise any date.
            for (String t : signature) {
                DateHit hit = firstDate(t);
                if (hit != null) {
                    return hit;
                }
            }
            for (String t : preTexts) {
                DateHit hit = firstDate(t);
                if (hit != null) {
                    return hit;
                }
            }
            return firstDate(text);
        }

        private String issuer() {
            for (String t : preTexts) {
                String bare = stripTrailingColon(t);
                if (bare.length() <= 40 && ISSUER_LINE.matcher(bare).matches()) {
                    return bare;
                }
                Matcher m = ISSUER_PUBLISHES.matcher(t);
                if (m.find()) {
                    return m.group("issuer");
                }
            }
            for (String t : signature) {
                if (t.length() <= 40 && ISSUER_LINE.matcher(t).matches()) {
                    return t;
                }
            }
            return null;
        }

        private String title() {
            for (String t : preTexts) {
                Matcher m = TITLE.matcher(t);
                if (m.find()) {
                    return m.group();
                }
            }
            if (!headings.isEmpty()) {
                return stripTrailingColon(headings.get(0));
            }
            for (String t : preTexts) {
                Kind kind = classify(t);
                if (kind == Kind.OTHER && t.length() <= 50 && t.indexOf('。') < 0 && t.indexOf(',') < 0
                        && t.indexOf('\uFF0C') < 0) {
                    return stripTrailingColon(t);
                }
            }
            return null;
        }

        private String legalBasis() {
            List<String> sources = new ArrayList<>();
            sources.add(cap(lead.toString()));
            sources.addAll(preTexts);
            sources.add(measures.isEmpty() ? "" : cap(measuresText()));
            for (String source : sources) {
                Matcher m = LEGAL_BASIS.matcher(source);
                if (m.find()) {
                    String basis = clean(m.group("basis"));
                    if (!basis.isEmpty()) {
                        return basis;
                    }
                }
            }
            return null;
        }
    }

    /** Kind of a cleaned line. Cheap char tests guard every regex: lists can have a hundred thousand lines. */
    private Kind classify(String line) {
        if (line.isEmpty()) {
            return Kind.OTHER;
        }
        if (districtAt(line, 0) != null) {
            return Kind.DISTRICT;
        }
        String bare = stripTrailingColon(line);
        char first = line.charAt(0);
        char lastBare = bare.isEmpty() ? ' ' : bare.charAt(bare.length() - 1);
        if (bare.length() <= 40 && ISSUER_LAST_CHARS.indexOf(lastBare) >= 0
                && ISSUER_LINE.matcher(bare).matches()) {
            return Kind.ISSUER;
        }
        if (line.length() <= 24 && line.indexOf('月') >= 0) {
            Matcher dm = DATE_ANY.matcher(line);
            if (dm.matches() && toDate(dm) != null) {
                return Kind.DATE;
            }
        }
        if (line.length() <= 30 && line.indexOf('第') >= 0 && NUMBER_LINE.matcher(line).matches()) {
            return Kind.NUMBER_LINE;
        }
        if (line.length() <= 80 && line.startsWith("关于") && bare.endsWith("通告")) {
            return Kind.TITLE;
        }
        if (line.startsWith("特此通告")) {
            return Kind.SIGN_OFF;
        }
        if (NUMBERING_FIRST_CHARS.indexOf(first) >= 0 && NUMBERING_START.matcher(line).lookingAt()) {
            return Kind.NUMBERED;
        }
        for (String level : levels) {
            if (line.startsWith(level)) {
                return Kind.LEVEL_START;
            }
        }
        if (PROSE_FIRST_CHARS.indexOf(first) >= 0 && PROSE_START.matcher(line).lookingAt()) {
            return Kind.PROSE;
        }
        // Several sentences on one line are prose; a list line has at most a final "。".
        int dot = line.indexOf('。');
        if (dot >= 0 && dot < line.length() - 1 && districtAt(line, skipBlank(line, dot + 1)) == null) {
            return Kind.PROSE;
        }
        return Kind.OTHER;
    }

    /**
     * Index of the first level name at or after {@code from}, or -1. {@code cache} holds each level's last known
     * position (-2 unknown, -1 none left) so that scanning a long line stays linear.
     */
    private int nextLevel(String line, int from, int[] cache) {
        int best = -1;
        for (int i = 0; i < cache.length; i++) {
            if (cache[i] == -2 || cache[i] >= 0 && cache[i] < from) {
                cache[i] = line.indexOf(levels.get(i), from);
            }
            if (cache[i] >= 0 && (best < 0 || cache[i] < best)) {
                best = cache[i];
            }
        }
        return best;
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

    /** Cheap pre-check: every colon header has its ":" within a few chars after the level name. */
    private static boolean colonSoonAfter(String line, int p) {
        int end = Math.min(line.length(), p + HEADER_TAIL);
        for (int k = p; k < end; k++) {
            char c = line.charAt(k);
            if (c == ':' || c == '\uFF1A') {
                return true;
            }
            if (c == '。' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    /**
     * Where a header naming a level at {@code p} can start: just after the nearest clause mark before it, or the
     * line start; -1 when that is too far back or before {@code from}.
     */
    private static int clauseStart(String line, int p, int from) {
        int limit = Math.max(from, p - HEADER_HEAD);
        for (int k = p - 1; k >= limit; k--) {
            if (CLAUSE_MARKS.indexOf(line.charAt(k)) >= 0) {
                return k + 1;
            }
        }
        return limit == 0 ? 0 : -1;
    }

    /**
     * District header starting at {@code from}: optional numbering, a name ending in 区/县/市/旗, an optional count
     * "(N个)" or "N个", then ":". Hand-written rather than a regex because long lists ask this once per item.
     */
    private DistrictHit districtAt(String s, int from) {
        if (from >= s.length()) {
            return null;
        }
        int colon = colonBeforeSeparator(s, from);
        if (colon < 0) {
            return null;
        }
        int start = skipSpaces(s, from, colon);
        if (start < colon && NUMBERING_FIRST_CHARS.indexOf(s.charAt(start)) >= 0) {
            Matcher nm = NUMBERING_START.matcher(s);
            nm.region(start, colon);
            if (nm.lookingAt()) {
                start = skipSpaces(s, nm.end(), colon);
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
     * Reads what may stand between a district name and its colon: blanks and at most one count, "(共N个)" or
     * "N个". Returns the count, {@link #NO_COUNT} when there is none, {@link #NO_COUNT_MATCH} for anything else.
     */
    private static long countUpTo(String s, int from, int colon) {
        int i = skipSpaces(s, from, colon);
        if (i == colon) {
            return NO_COUNT;
        }
        boolean parenthesised = s.charAt(i) == '(' || s.charAt(i) == '\uFF08';
        if (parenthesised) {
            i = skipSpaces(s, i + 1, colon);
        }
        if (i < colon && s.charAt(i) == '共') {
            i = skipSpaces(s, i + 1, colon);
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
        i = skipSpaces(s, i, colon);
        boolean unit = i < colon && (s.charAt(i) == '个' || s.charAt(i) == '处');
        if (unit) {
            i = skipSpaces(s, i + 1, colon);
        }
        if (parenthesised) {
            if (i >= colon || s.charAt(i) != ')' && s.charAt(i) != '\uFF09') {
                return NO_COUNT_MATCH;
            }
            i = skipSpaces(s, i + 1, colon);
        } else if (!unit) {
            return NO_COUNT_MATCH;
        }
        return i == colon && value != null ? value : NO_COUNT_MATCH;
    }

    private static int skipSpaces(String s, int from, int end) {
        int i = from;
        while (i < end && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isHan(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF' || c >= '\uF900' && c <= '\uFAFF';
    }

    private boolean containsLevel(String s) {
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

    private static DateHit firstDate(String source) {
        Matcher m = DATE_ANY.matcher(source);
        while (m.find()) {
            DateHit hit = toDate(m);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    private static DateHit toDate(Matcher m) {
        Integer month = ChineseNumerals.parse(m.group("m"));
        Integer day = ChineseNumerals.parse(m.group("d"));
        if (month == null || day == null || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        Integer year = m.group("y") == null ? null : ChineseNumerals.parse(m.group("y"));
        return new DateHit(year, month, day);
    }

    private static void appendJoined(StringBuilder sb, String line, Kind kind) {
        if (sb.length() > 0 && (kind != Kind.OTHER || endsWithTerminal(sb))) {
            sb.append('\n');
        }
        sb.append(line);
    }

    private static boolean endsWithTerminal(CharSequence s) {
        return s.length() > 0 && TERMINALS.indexOf(s.charAt(s.length() - 1)) >= 0;
    }

    private static String stripTrailingColon(String s) {
        String r = s;
        while (r.endsWith(":") || r.endsWith("\uFF1A")) {
            r = clean(r.substring(0, r.length() - 1));
        }
        return r;
    }

    private static String cap(String s) {
        int max = SEARCH_CHARS_PER_LINE * 5;
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static int skipBlank(String s, int from) {
        int i = from;
        while (i < s.length() && (isBlank(s.charAt(i)) || s.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0' || c == '\uFEFF' || c == '\r'
                || c == '\u200B' || c != '\n' && Character.isWhitespace(c);
    }

    /** Trims ASCII, ideographic and no-break spaces and a BOM, which {@link String#strip()} partly misses. */
    private static String clean(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (isBlank(s.charAt(start)) || s.charAt(start) == '\n')) {
            start++;
        }
        while (end > start && (isBlank(s.charAt(end - 1)) || s.charAt(end - 1) == '\n')) {
            end--;
        }
        return s.substring(start, end);
    }
}
