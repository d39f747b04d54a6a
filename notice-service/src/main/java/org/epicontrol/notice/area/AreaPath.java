package org.epicontrol.notice.area;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A place: a district (may be null when unknown) and segments from the widest (street) to the narrowest (part).
 */
public record AreaPath(String district, List<AreaSegment> segments) {

    public AreaPath {
        segments = List.copyOf(segments);
    }

    /**
     * Key of the segments from the compound down, e.g. "C:晋阳紫城/B:4/U:10". Street segments are left out because
     * people write the same address with or without its street or community.
     */
    public String localKey() {
        StringBuilder sb = new StringBuilder();
        for (AreaSegment s : segments) {
            if (s.kind() == AreaKind.STREET) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(s.kind().letter()).append(':').append(s.key());
        }
        return sb.toString();
    }

    /** The path one level up, or null when there is no segment left to drop. */
    public AreaPath parent() {
        if (segments.isEmpty()) {
            return null;
        }
        return new AreaPath(district, segments.subList(0, segments.size() - 1));
    }

    /**
     * True if {@code other} is this place or lies inside it. Districts must agree when both are known; streets
     * are compared only when both paths name one, since either may omit it.
     */
    public boolean covers(AreaPath other) {
        if (other == null) {
            return false;
        }
        if (district != null && other.district != null && !district.equals(other.district)) {
            return false;
        }
        List<AreaSegment> mine = local(this);
        List<AreaSegment> theirs = local(other);
        List<String> myStreets = streets(this);
        List<String> theirStreets = streets(other);
        if (mine.isEmpty()) {
            // A street-only designation covers what is explicitly in that street.
            return !myStreets.isEmpty() ? theirStreets.containsAll(myStreets) : Objects.equals(district, other.district)
                    || district == null;
        }
        if (!myStreets.isEmpty() && !theirStreets.isEmpty() && disjoint(myStreets, theirStreets)) {
            return false;
        }
        if (mine.size() > theirs.size()) {
            return false;
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!mine.get(i).sameAs(theirs.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<AreaSegment> local(AreaPath p) {
        List<AreaSegment> out = new ArrayList<>();
        for (AreaSegment s : p.segments) {
            if (s.kind() != AreaKind.STREET) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> streets(AreaPath p) {
        List<String> out = new ArrayList<>();
        for (AreaSegment s : p.segments) {
            if (s.kind() == AreaKind.STREET) {
                out.add(s.key());
            }
        }
        return out;
    }

    private static boolean disjoint(List<String> a, List<String> b) {
        for (String s : a) {
            if (b.contains(s)) {
                return false;
            }
        }
        return true;
    }
}
