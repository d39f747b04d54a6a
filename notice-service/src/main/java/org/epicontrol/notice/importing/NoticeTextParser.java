package org.epicontrol.notice.importing;

import static org.epicontrol.notice.text.NoticeText.BLANKS;
import static org.epicontrol.notice.text.NoticeText.clean;
import static org.epicontrol.notice.text.NoticeText.skipBlanksAndBreaks;

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

import org.epicontrol.notice.text.ChineseNumerals;
import org.epicontrol.notice.text.NoticeText;

/**
 * Reads an epidemic-control notice (通告) as a newspaper, the office or a web page printed it, line breaks included.
 *
 * <p>The text is read line by line with a small state machine: header and lead, then designation sections
 * ("新增高风险区20个,分别是:" / "一、新增高风险区"), each holding district lists ("万柏林区(8个):…"), then measures and
 * signature. Page furniture of a copied web page is skipped wherever it stands. What the notice says about itself
 * is read by {@link NoticeHeaderReader}, the lists by {@link NoticeListReader}. A published notice is a legal
 * fact: nothing is dropped or "fixed"; inconsistencies become {@link ParseWarning}s.
 *
 * <p>All patterns are bounded or possessive (no adjacent or nested unbounded quantifiers that could backtrack),
 * and every loop checks a {@link ParseDeadline}, so hostile or huge input is parsed or rejected in linear time or
 * ends in {@code NOTICE_PARSE_TIMEOUT}. Instances are immutable and thread-safe.
 */
public final class NoticeTextParser {

    private static final String WS = BLANKS;
    private static final String NUM = NoticeHeaderReader.NUM;
    private static final String NUMBERING = NoticeListReader.NUMBERING;
    // Longer verbs first so that "调整为" wins over "调整"; a bare "为" catches "以下区域为高风险区:".
    private static final String ACTIONS = "新增|调整为|调整|划定为|划定|划为|列为|纳入|确定为|升级为|升为|降级为|降为"
            + "|解除|继续为|仍为|维持|为";
    private static final String TERMINALS = "。!\uFF01?\uFF1F:\uFF1A;\uFF1B";
    private static final String CLAUSE_MARKS = "。;\uFF1B,\uFF0C!\uFF01";
    private static final String PROSE_FIRST_CHARS = "根即自本特以上请广对注";
    // Bounds of a header around its level name: numbering + 16-char prefix + verb before, count + "分别是:" after.
    private static final int HEADER_HEAD = 40;
    private static final int HEADER_TAIL = 40;

    // "(共20个)" or "20个" after a level or district name.
    private static final String COUNT = "(?:[(\uFF08]" + WS + "(?:共)?" + WS + "(?<countParen>" + NUM + ")" + WS
            + "(?:个|处)?" + WS + "[)\uFF09]|(?:共)?(?<countBare>" + NUM + ")" + WS + "(?:个|处))";
    // Text a colon header may carry before its verb ("以下区域"), never crossing a clause or a parenthesis.
    private static final String HEADER_PREFIX = "(?<prefix>[^:\uFF1A。;\uFF1B,\uFF0C、“”\"()\uFF08\uFF09\\n]{0,16}?)";

    private final List<String> levels;
    private final Pattern colonHeader;
    private final Pattern lineHeader;
    private final Pattern headline;
    private final NoticeHeaderReader header;
    private final NoticeListReader lists;

    /**
     * @param levelNames the zone vocabulary in force, e.g. 高风险区/低风险区 or 封控区/管控区/防范区
     */
    public NoticeTextParser(Collection<String> levelNames) {
        this(levelNames, List.of());
    }

    /**
     * @param levelNames  the zone vocabulary in force, e.g. 高风险区/低风险区 or 封控区/管控区/防范区
     * @param issuerNames every name a known issuer prints (aliases): a text printing one names its issuer
     */
    public NoticeTextParser(Collection<String> levelNames, Collection<String> issuerNames) {
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
        this.header = new NoticeHeaderReader(List.copyOf(Objects.requireNonNull(issuerNames, "issuerNames")));
        this.lists = new NoticeListReader(levels);
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
     * Parses one notice without a time budget.
     *
     * @throws NoticeFormatException with code TEXT_EMPTY, NOT_A_NOTICE, NOTICE_NUMBER_MISSING or DATE_MISSING
     */
    public ParsedNotice parse(String text) {
        return parse(text, ParseDeadline.none());
    }

    /**
     * Parses one notice within {@code deadline}.
     *
     * @throws NoticeFormatException with code TEXT_EMPTY, NOT_A_NOTICE, NOTICE_NUMBER_MISSING, DATE_MISSING or
     *                               NOTICE_PARSE_TIMEOUT
     */
    public ParsedNotice parse(String text, ParseDeadline deadline) {
        if (text == null || clean(text).isEmpty()) {
            throw new NoticeFormatException(NoticeFormatException.TEXT_EMPTY, "The notice text is empty or blank.");
        }
        return new Run(text, deadline).parse();
    }

    private static Integer countOf(Matcher m) {
        String n = m.group("countParen");
        if (n == null) {
            n = m.group("countBare");
        }
        return n == null ? null : ChineseNumerals.parse(n);
    }

    private enum State { PRE, IN_SECTION, POST }

    private enum Kind { DISTRICT, ISSUER, DATE, NUMBER_LINE, TITLE, SIGN_OFF, NUMBERED, LEVEL_START, PROSE, FURNITURE,
        OTHER }

    private record Line(String text, boolean heading) {
    }

    private record HeaderHit(int start, int end, String level, String action, Integer count) {
    }

    /** State of one parse; the parser itself stays immutable. */
    private final class Run {
        private final List<Line> lines = new ArrayList<>();
        private Kind[] kinds;
        private State state = State.PRE;
        private final List<String> preTexts = new ArrayList<>();
        // The lines' text that opened each list ("自11月28日起小店区新增高风险区1个"): it may say when they take effect.
        private final List<String> openings = new ArrayList<>();
        private final List<String> headings = new ArrayList<>();
        private final List<String> furniture = new ArrayList<>();
        private final StringBuilder lead = new StringBuilder();
        private final List<String> signature = new ArrayList<>();
        // Builders, so that a paragraph broken over many lines is joined in linear time.
        private final List<StringBuilder> measures = new ArrayList<>();
        private final List<ParsedSection> sections = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();
        private final String text;
        private final ParseDeadline deadline;
        private SectionText open;
        private SectionText last;

        Run(String text, ParseDeadline deadline) {
            this.text = text;
            this.deadline = deadline;
            splitLines(text);
        }

        ParsedNotice parse() {
            for (int i = 0; i < lines.size(); i++) {
                deadline.check();
                Line line = lines.get(i);
                Kind next = i + 1 < lines.size() && !lines.get(i + 1).heading() ? kinds[i + 1] : null;
                if (line.heading()) {
                    heading(line.text(), next);
                } else if (kinds[i] == Kind.FURNITURE) {
                    // A web page's own lines: neither notice text nor the end of a list.
                    furniture.add(line.text());
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
            NoticeHeaderReader.Sources sources = new NoticeHeaderReader.Sources(preTexts, headings, signature,
                    furniture, lead.toString(), String.join("\n", openings), measuresText(), text);
            Integer number = header.number(sources);
            if (number == null) {
                throw new NoticeFormatException(NoticeFormatException.NOTICE_NUMBER_MISSING,
                        "The notice has designation sections but no notice number such as \"第194号\".");
            }
            ParsedDate date = header.date(sources);
            if (date == null) {
                throw new NoticeFormatException(NoticeFormatException.DATE_MISSING,
                        "The notice prints no issue date (month and day, e.g. \"11月30日\").");
            }
            Integer year = date.year() != null ? date.year() : header.headerYear(sources);
            deadline.checkNow();
            return new ParsedNotice(header.issuer(sources), year, number, date.month(), date.day(),
                    header.effectiveFrom(sources), header.title(sources, t -> classify(t) == Kind.OTHER),
                    header.legalBasis(sources), measuresText(), sections, warnings);
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
                deadline.check();
                kinds[i] = lines.get(i).heading() ? Kind.OTHER : classify(lines.get(i).text());
            }
        }

        private void addLine(String raw) {
            String line = NoticeText.collapseBlankRuns(clean(raw));
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
                deadline.check();
                HeaderHit hit = findHeader(line, from, next, false);
                if (hit == null) {
                    plain(clean(line.substring(from)), from == 0 ? own : null, force);
                    return;
                }
                String before = clean(line.substring(from, hit.start()));
                if (!before.isEmpty()) {
                    plain(before, null, force);
                }
                openings.add(line.substring(from, hit.end()));
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
                deadline.check();
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
                        int after = skipBlanksAndBreaks(line, m.end());
                        boolean districtFollows = after >= line.length() ? nextIsDistrict
                                : lists.districtAt(line, after) != null;
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
                                open = new SectionText(last.level, last.action, null);
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
            if (preTexts.size() < NoticeHeaderReader.SEARCH_LINES) {
                int max = NoticeHeaderReader.SEARCH_CHARS_PER_LINE;
                preTexts.add(line.length() > max ? line.substring(0, max) : line);
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
            open = new SectionText(hit.level(), hit.action(), hit.count());
            last = open;
            state = State.IN_SECTION;
        }

        private void closeSection() {
            if (open != null) {
                sections.add(lists.read(open, sentence -> addMeasure(sentence, Kind.PROSE), warnings, deadline));
                open = null;
            }
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
            Matcher m = headline.matcher(NoticeHeaderReader.cap(source));
            while (m.find()) {
                Integer n = ChineseNumerals.parse(m.group("n"));
                if (n != null) {
                    // The first figure per level is the headline; later ones restate it.
                    totals.putIfAbsent(m.group("level"), n);
                }
            }
            return totals;
        }
    }

    /** Kind of a cleaned line. Cheap char tests guard every regex: lists can have a hundred thousand lines. */
    private Kind classify(String line) {
        if (line.isEmpty()) {
            return Kind.OTHER;
        }
        if (lists.districtAt(line, 0) != null) {
            return Kind.DISTRICT;
        }
        if (PageFurniture.isFurniture(line)) {
            return Kind.FURNITURE;
        }
        String bare = NoticeHeaderReader.stripTrailingColon(line);
        char first = line.charAt(0);
        if (NoticeHeaderReader.isIssuerLine(bare)) {
            return Kind.ISSUER;
        }
        if (NoticeHeaderReader.isDateLine(line)) {
            return Kind.DATE;
        }
        if (NoticeHeaderReader.isNumberLine(line)) {
            return Kind.NUMBER_LINE;
        }
        if (line.length() <= 80 && line.startsWith("关于") && bare.endsWith("通告")) {
            return Kind.TITLE;
        }
        if (line.startsWith("特此通告")) {
            return Kind.SIGN_OFF;
        }
        if (NoticeListReader.NUMBERING_FIRST_CHARS.indexOf(first) >= 0
                && NoticeListReader.NUMBERING_START.matcher(line).lookingAt()) {
            return Kind.NUMBERED;
        }
        for (String level : levels) {
            if (line.startsWith(level)) {
                return Kind.LEVEL_START;
            }
        }
        if (PROSE_FIRST_CHARS.indexOf(first) >= 0 && NoticeListReader.PROSE_START.matcher(line).lookingAt()) {
            return Kind.PROSE;
        }
        // Several sentences on one line are prose; a list line has at most a final "。".
        int dot = line.indexOf('。');
        if (dot >= 0 && dot < line.length() - 1 && lists.districtAt(line, skipBlanksAndBreaks(line, dot + 1)) == null) {
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

    private static void appendJoined(StringBuilder sb, String line, Kind kind) {
        if (sb.length() > 0 && (kind != Kind.OTHER || endsWithTerminal(sb))) {
            sb.append('\n');
        }
        sb.append(line);
    }

    private static boolean endsWithTerminal(CharSequence s) {
        return s.length() > 0 && TERMINALS.indexOf(s.charAt(s.length() - 1)) >= 0;
    }
}
