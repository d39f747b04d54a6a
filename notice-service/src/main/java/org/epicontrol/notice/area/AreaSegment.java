package org.epicontrol.notice.area;

import java.util.Objects;

/**
 * One level of an area path.
 *
 * @param kind  depth of the segment
 * @param key   normalised identity used for matching (e.g. "2" for "2栋", "2号楼" and "二号楼")
 * @param label the text as printed
 */
public record AreaSegment(AreaKind kind, String key, String label) {

    public AreaSegment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
    }

    /** Same place at the same depth: labels may differ ("2栋" vs "2号楼"). */
    public boolean sameAs(AreaSegment other) {
        return other != null && kind == other.kind && key.equals(other.key);
    }
}
