package org.epicontrol.notice.area;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.epicontrol.notice.text.ChineseNumerals;
import org.epicontrol.notice.text.NoticeText;
import org.epicontrol.notice.text.NumberLists;

import static org.epicontrol.notice.text.NoticeText.clean;

/**
 * Reads designation items ("浦东雅典小区北区16号楼2单元", "翠竹小院(C座1单元除外)") and addresses into
 * {@link AreaPath}s. Items and addresses go through the same segment rules so that the same place gets the same
 * {@link AreaPath#localKey()} whichever way it was written.
 *
 * <p>Segments are peeled from the right: part, unit, building, sections; what is left is street prefixes and the
 * compound. Text that fits no rule stays in the compound, so a non-empty item never fails. Stateless and
 * thread-safe.
 */
public final class AreaTextParser {

    // Tail rules only look this far back, which keeps every match bounded however long the text.
    private static final int TAIL = 24;

    private static final String DIGIT = "[0-9０-９]";
    private static final String CN = "[零〇一二两三四五六七八九十百]";
    private static final String LETTER = "[A-Za-zＡ-Ｚａ-ｚ]";
    private static final String NUMID = "(?:" + DIGIT + "{1,5}|" + CN + "{1,4})";

    private static final Pattern PART_WORD = Pattern.compile(
            "(?:半边户|东半边|西半边|南半边|北半边|东边户|西边户|东户|西户|底商|商铺|门面房)$");
    private static final Pattern ROOM = Pattern.compile("(?<=单元|号楼|栋|幢|座)" + DIGIT + "{2,5}(?:室|户|号)?$");
    private static final Pattern UNIT = Pattern.compile("(?<id>" + NUMID + "|" + LETTER + ")单元$");
    private static final Pattern BUILDING = Pattern.compile("(?:(?<from>" + DIGIT + "{1,4})(?:至|到|~|～|—)(?<to>"
            + DIGIT + "{1,4})|(?<id>" + DIGIT + "{1,5}(?:[-－]" + DIGIT + "{1,3})?|" + LETTER + "|" + CN + "{1,4}))"
            + "(?<suffix>号楼|栋|幢|座|号)$");
    private static final Pattern SECTION = Pattern.compile("(?:(?<zone>(?:[东南西北中]|" + LETTER + ")区)"
            + "|(?<phase>" + NUMID + "期)|(?<yard>" + NUMID + "号[院园])|(?<garden>[东南西北中]园))$");
    // Endings of names that can own a numbered yard, a bare "12号" building or a "东园".
    private static final Pattern COMPOUNDISH = Pattern.compile(
            "(?:小区|小院|花园|家园|苑|城|园|庭|院|公寓|宿舍|大厦|广场|新村|公馆|府|湾|郡|居|山庄|别墅|区|期)$");
    private static final Pattern COMPOUND_START = Pattern.compile(
            "(?:小区|小院|花园|家园|苑|园|公寓|大厦|广场|新村|宿舍|场)");
    private static final Pattern STREET = Pattern.compile("[\\p{IsHan}]{1,10}?(?<suffix>街道|社区|镇|乡)");
    private static final Pattern ROAD_NUMBER = Pattern.compile(
            "[\\p{IsHan}]{1,10}?(?:路|街|巷|胡同|大道|大街)[0-9]{1,5}号");
    private static final Pattern PROVINCE = Pattern.compile("[\\p{IsHan}]{2,7}?省");
    private static final Pattern CITY = Pattern.compile("(?<name>[\\p{IsHan}]{2,4}?)市");
    // "新城市花园", "华联超市", "都市e线": a "市" that ends a place name, not a city.
    private static final Pattern NOT_A_CITY_NAME = Pattern.compile("(?:城|超|都|门|集|菜|夜|股)$");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(?:[0-9]{1,5}|" + CN + "{1,4})");

    /**
     * Parses one designation item of a notice.
     *
     * @param district the district line the item was listed under (may be null)
     * @param itemText the item as printed
     */
    public ParsedAreaItem parseItem(String district, String itemText) {
        return parseItem(district, itemText, () -> { });
    }

    /**
     * Parses one designation item, running {@code checkpoint} before each place it names, so that a caller's time
     * budget can stop an item that lists thousands of numbers.
     */
    public ParsedAreaItem parseItem(String district, String itemText, Runnable checkpoint) {
        Objects.requireNonNull(itemText, "itemText");
        // "坞城路6巷5、6、8号", "滨河小区1.2号楼、9号楼": one printed item naming one place per number.
        List<String> places = NumberLists.expand(NoticeText.splitTopLevel(itemText));
        if (places.size() <= 1) {
            checkpoint.run();
            return parse(district, itemText, true);
        }
        List<AreaPath> included = new ArrayList<>();
        List<AreaPath> excluded = new ArrayList<>();
        for (String place : places) {
            checkpoint.run();
            ParsedAreaItem one = parse(district, place, true);
            included.addAll(one.included());
            excluded.addAll(one.excluded());
        }
        return new ParsedAreaItem(itemText, included, excluded);
    }

    /**
     * Parses a free address such as "太原市小店区晋阳紫城4号楼10单元". A leading province and city are dropped, then a
     * known district if present; the rest follows the item rules (parenthesised text is ignored).
     */
    public AreaPath parseAddress(String address, Collection<String> knownDistricts) {
        Objects.requireNonNull(address, "address");
        List<String> districts = new ArrayList<>(knownDistricts == null ? List.of() : knownDistricts);
        districts.removeIf(d -> d == null || d.isBlank());
        districts.sort(Comparator.comparingInt(String::length).reversed());
        String s = NoticeText.withoutBlanks(address);
        boolean hadProvince = false;
        Matcher pm = PROVINCE.matcher(s);
        if (pm.lookingAt() && pm.end() < s.length()) {
            s = s.substring(pm.end());
            hadProvince = true;
        }
        String district = knownPrefix(s, districts);
        if (district == null) {
            Matcher cm = CITY.matcher(s);
            if (cm.lookingAt()) {
                String rest = s.substring(cm.end());
                boolean strip = knownPrefix(rest, districts) != null || hadProvince
                        || rest.length() >= 2 && !COMPOUND_START.matcher(rest).lookingAt()
                        && !NOT_A_CITY_NAME.matcher(cm.group("name")).find();
                if (strip) {
                    s = rest;
                }
            }
            district = knownPrefix(s, districts);
        }
        if (district != null) {
            s = s.substring(district.length());
        }
        ParsedAreaItem item = parse(district, s, false);
        return item.included().isEmpty() ? new AreaPath(district, List.of()) : item.included().get(0);
    }

    private static String knownPrefix(String s, List<String> districtsLongestFirst) {
        for (String d : districtsLongestFirst) {
            if (s.startsWith(d)) {
                return d;
            }
        }
        return null;
    }

    /** A parenthesised group at depth 0: indexes of its parentheses (close is the last index when unclosed). */
    private record Group(int open, int close, String content) {
    }

    /** Outcome of reading a text right to left: alternatives (one per building of a range) and what was left. */
    private record Segments(List<List<AreaSegment>> alternatives, String leftover) {
        boolean clean() {
            return leftover.isEmpty();
        }
    }

    private ParsedAreaItem parse(String district, String itemText, boolean structuralGroups) {
        String text = clean(itemText);
        if (text.isEmpty()) {
            return new ParsedAreaItem(itemText, List.of(), List.of());
        }
        List<Group> groups = topLevelGroups(text);
        List<List<List<AreaSegment>>> subLists = new ArrayList<>();
        List<List<List<AreaSegment>>> exceptions = new ArrayList<>();
        boolean[] structural = new boolean[groups.size()];
        for (int g = 0; g < groups.size() && structuralGroups; g++) {
            String content = groups.get(g).content();
            List<String> excepted = exceptionElements(content);
            if (excepted != null) {
                for (String e : excepted) {
                    exceptions.add(relativeOrPart(e));
                }
                structural[g] = true;
                continue;
            }
            List<String> elements = NumberLists.expand(NoticeText.splitTopLevel(content));
            List<Segments> parsed = new ArrayList<>();
            boolean anyClean = false;
            for (String e : elements) {
                Segments segs = relative(e);
                parsed.add(segs);
                anyClean |= segs.clean();
            }
            // Only a list of sub-places is structural; "(原XX厂)" is commentary and stays in the label.
            if (anyClean) {
                for (int k = 0; k < elements.size(); k++) {
                    subLists.add(parsed.get(k).clean() ? parsed.get(k).alternatives() : partOnly(elements.get(k)));
                }
                structural[g] = true;
            }
        }

        StringBuilder labelText = new StringBuilder();
        boolean[] commentary = new boolean[text.length()];
        int g = 0;
        for (int i = 0; i < text.length(); i++) {
            while (g < groups.size() && i > groups.get(g).close()) {
                g++;
            }
            boolean inGroup = g < groups.size() && i >= groups.get(g).open() && i <= groups.get(g).close();
            if (inGroup && structural[g]) {
                continue;
            }
            commentary[labelText.length()] = inGroup;
            labelText.append(text.charAt(i));
        }
        Segments base = read(labelText.toString(), commentary, false);

        List<AreaPath> included = new ArrayList<>();
        List<AreaPath> excluded = new ArrayList<>();
        for (List<AreaSegment> b : base.alternatives()) {
            if (subLists.isEmpty()) {
                included.add(new AreaPath(district, b));
            }
            for (List<List<AreaSegment>> sub : subLists) {
                for (List<AreaSegment> alt : sub) {
                    included.add(new AreaPath(district, concat(b, alt)));
                }
            }
            for (List<List<AreaSegment>> ex : exceptions) {
                for (List<AreaSegment> alt : ex) {
                    excluded.add(new AreaPath(district, concat(b, alt)));
                }
            }
        }
        return new ParsedAreaItem(itemText, included, excluded);
    }

    private Segments relative(String element) {
        String e = clean(element);
        return read(e, new boolean[e.length()], true);
    }

    /** Sub-place of an exception or list; what fits no rule is kept as a PART so that nothing is dropped. */
    private List<List<AreaSegment>> relativeOrPart(String element) {
        Segments segs = relative(element);
        return segs.clean() ? segs.alternatives() : partOnly(element);
    }

    private static List<List<AreaSegment>> partOnly(String element) {
        String e = clean(element);
        return List.of(List.of(new AreaSegment(AreaKind.PART, norm(e), e)));
    }

    /**
     * Reads {@code label} right to left; chars flagged in {@code commentary} (parenthesised commentary) stay in
     * labels but not in keys. In relative mode (text inside parentheses) the text may start
     * directly with a building or section, and any unread rest is returned as leftover instead of a compound.
     */
    private Segments read(String label, boolean[] commentary, boolean relative) {
        // Keys skip blanks and commentary; map[i] is where key char i stands in the label.
        StringBuilder keyBuilder = new StringBuilder();
        int[] map = new int[label.length()];
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!commentary[i] && !NoticeText.isBlankOrBreak(c)) {
                map[keyBuilder.length()] = i;
                keyBuilder.append(c);
            }
        }
        String key = keyBuilder.toString();
        int end = key.length();
        AreaSegment part = null;
        AreaSegment unit = null;
        List<AreaSegment> buildings = new ArrayList<>();
        List<AreaSegment> sectionsReversed = new ArrayList<>();

        Matcher m = tail(PART_WORD, key, end);
        if (m != null && (m.start() > 0 || relative)) {
            part = segment(AreaKind.PART, norm(m.group()), key, map, label, m.start(), end);
            end = m.start();
        } else {
            m = tail(ROOM, key, end);
            if (m != null) {
                part = segment(AreaKind.PART, idKey(m.group()), key, map, label, m.start(), end);
                end = m.start();
            }
        }

        m = tail(UNIT, key, end);
        if (m != null) {
            unit = segment(AreaKind.UNIT, idKey(m.group("id")), key, map, label, m.start(), end);
            end = m.start();
        }

        m = tail(BUILDING, key, end);
        if (m != null) {
            boolean bareNumber = "号".equals(m.group("suffix"));
            // "鱼池街21号" is a house number, "玉门花园A区12号" a building: only a compound or section owns the latter.
            boolean ok = !bareNumber || relative && m.start() == 0 || endsCompoundish(key, m.start());
            if (ok) {
                buildings.addAll(buildings(m, key, map, label, end));
                end = m.start();
            }
        }

        for (int guard = 0; guard < 4; guard++) {
            m = tail(SECTION, key, end);
            if (m == null) {
                break;
            }
            int before = m.start();
            boolean ok;
            if (m.group("zone") != null || m.group("phase") != null) {
                // "浦东雅典北区" splits, but a 1-char stem ("河西区") is a name of its own.
                ok = before >= 2 || relative && before == 0;
            } else {
                ok = relative && before == 0 || before > 0 && endsCompoundish(key, before);
            }
            if (!ok) {
                break;
            }
            sectionsReversed.add(segment(AreaKind.SECTION, sectionKey(m.group()), key, map, label, before, end));
            end = before;
        }

        List<AreaSegment> head = new ArrayList<>();
        String leftover = "";
        if (relative) {
            leftover = clean(key.substring(0, end));
        } else {
            int pos = 0;
            while (pos < end) {
                Matcher sm = STREET.matcher(key);
                sm.region(pos, end);
                if (!sm.lookingAt() || !streetAcceptable(sm, key, end)) {
                    break;
                }
                head.add(segment(AreaKind.STREET, norm(key.substring(pos, sm.end())), key, map, label, pos, sm.end()));
                pos = sm.end();
            }
            String compound = clean(key.substring(pos, end));
            if (!compound.isEmpty()) {
                head.add(segment(AreaKind.COMPOUND, compoundKey(compound), key, map, label, pos, end));
            }
        }
        for (int i = sectionsReversed.size() - 1; i >= 0; i--) {
            head.add(sectionsReversed.get(i));
        }

        List<List<AreaSegment>> alternatives = new ArrayList<>();
        List<AreaSegment> buildingChoices = new ArrayList<>(buildings);
        if (buildingChoices.isEmpty()) {
            buildingChoices.add(null);
        }
        for (AreaSegment b : buildingChoices) {
            List<AreaSegment> path = new ArrayList<>(head);
            if (b != null) {
                path.add(b);
            }
            if (unit != null) {
                path.add(unit);
            }
            if (part != null) {
                path.add(part);
            }
            alternatives.add(List.copyOf(path));
        }
        return new Segments(alternatives, leftover);
    }

    private List<AreaSegment> buildings(Matcher m, String key, int[] map, String label, int end) {
        String printed = labelOf(key, map, label, m.start(), end);
        if (m.group("from") != null) {
            Integer from = ChineseNumerals.parse(m.group("from"));
            Integer to = ChineseNumerals.parse(m.group("to"));
            // A range is several buildings; a silly span is more likely a typo than 500 buildings.
            if (from != null && to != null && from <= to && to - from <= 200) {
                List<AreaSegment> out = new ArrayList<>();
                for (int n = from; n <= to; n++) {
                    out.add(new AreaSegment(AreaKind.BUILDING, Integer.toString(n), printed));
                }
                return out;
            }
            return List.of(new AreaSegment(AreaKind.BUILDING, norm(m.group("from") + "-" + m.group("to")), printed));
        }
        return List.of(new AreaSegment(AreaKind.BUILDING, idKey(m.group("id")), printed));
    }

    private static boolean streetAcceptable(Matcher sm, String key, int end) {
        String suffix = sm.group("suffix");
        String rest = key.substring(sm.end(), end);
        if (suffix.equals("街道") || suffix.equals("社区")) {
            return true;
        }
        // "镇"/"乡" also end ordinary words ("家乡小区", "水乡花园"): demand a real stem and a real remainder.
        int stem = sm.end() - sm.regionStart() - 1;
        return stem >= 2 && (rest.isEmpty() || rest.length() >= 2 && !COMPOUND_START.matcher(rest).lookingAt());
    }

    private static boolean endsCompoundish(String key, int end) {
        if (end <= 0) {
            return false;
        }
        Matcher m = COMPOUNDISH.matcher(key);
        m.region(Math.max(0, end - 4), end);
        return m.find();
    }

    /** Match of {@code p} ending exactly at {@code end}, searched only in the last {@link #TAIL} chars. */
    private static Matcher tail(Pattern p, String key, int end) {
        if (end <= 0) {
            return null;
        }
        Matcher m = p.matcher(key);
        m.useTransparentBounds(true);
        m.region(Math.max(0, end - TAIL), end);
        return m.find() ? m : null;
    }

    private static AreaSegment segment(AreaKind kind, String segKey, String key, int[] map, String label, int start,
                                       int end) {
        return new AreaSegment(kind, segKey, labelOf(key, map, label, start, end));
    }

    /** The printed text of key[start, end), including commentary in parentheses that follows it. */
    private static String labelOf(String key, int[] map, String label, int start, int end) {
        int from = start == 0 ? 0 : map[start];
        int to = end >= key.length() ? label.length() : map[end];
        return clean(label.substring(Math.min(from, to), to));
    }

    private static String compoundKey(String compound) {
        String k = norm(compound);
        Matcher m = ROAD_NUMBER.matcher(k);
        if (m.lookingAt()) {
            String rest = k.substring(m.end());
            // "新建路151号早西门小区" is named by 早西门; "鱼池街21号" and "玉河街31号院" only by the number.
            if (rest.length() >= 2 && !rest.startsWith("院")) {
                k = rest;
            }
        }
        if (k.length() > 2 && k.endsWith("小区")) {
            k = k.substring(0, k.length() - 2);
        }
        return k;
    }

    private static String idKey(String id) {
        String k = norm(id);
        Integer n = ChineseNumerals.parse(k);
        return n != null ? n.toString() : k;
    }

    private static String sectionKey(String section) {
        String k = norm(section);
        Matcher m = LEADING_NUMBER.matcher(k);
        if (m.lookingAt()) {
            Integer n = ChineseNumerals.parse(m.group());
            if (n != null) {
                return n + k.substring(m.end());
            }
        }
        return k;
    }

    /** NFKC, no whitespace, upper-case letters: the form keys are compared in. */
    static String norm(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return NoticeText.withoutBlanks(n).toUpperCase(Locale.ROOT);
    }

    private static List<String> exceptionElements(String content) {
        String c = clean(content);
        String body = null;
        if (c.endsWith("除外") && c.length() > 2) {
            body = c.substring(0, c.length() - 2);
            if (body.startsWith("除")) {
                body = body.substring(1);
            }
        } else if (c.startsWith("除") && c.endsWith("外") && c.length() > 2) {
            body = c.substring(1, c.length() - 1);
        } else {
            for (String lead : List.of("不包括", "不包含", "不含")) {
                if (c.startsWith(lead) && c.length() > lead.length()) {
                    body = c.substring(lead.length());
                    break;
                }
            }
        }
        if (body == null) {
            return null;
        }
        List<String> elements = NumberLists.expand(NoticeText.splitTopLevel(body));
        return elements.isEmpty() ? null : elements;
    }

    private static List<Group> topLevelGroups(String text) {
        List<Group> groups = new ArrayList<>();
        int depth = 0;
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (NoticeText.isOpener(c)) {
                if (depth == 0) {
                    open = i;
                }
                depth++;
            } else if (NoticeText.isCloser(c) && depth > 0) {
                depth--;
                if (depth == 0) {
                    groups.add(new Group(open, i, text.substring(open + 1, i)));
                }
            }
        }
        if (depth > 0) {
            // An unclosed parenthesis runs to the end of the item.
            groups.add(new Group(open, text.length() - 1, text.substring(open + 1)));
        }
        return groups;
    }

    private static List<AreaSegment> concat(List<AreaSegment> a, List<AreaSegment> b) {
        List<AreaSegment> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
