package org.epicontrol.notice.importing;

import java.util.List;

/**
 * A notice as published. Fields the text does not print are null (e.g. {@code year} when only "11月30日" is printed;
 * the caller supplies the year then).
 *
 * @param effectiveFrom the date the text says the designations take effect ("11月28日起"), null when it says
 *                      "即日起" or nothing: then they take effect on the issue date
 */
public record ParsedNotice(String issuer, Integer year, Integer number, Integer month, Integer day,
                           ParsedDate effectiveFrom, String title, String legalBasis, String measures,
                           List<ParsedSection> sections, List<ParseWarning> warnings) {

    public ParsedNotice {
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    /** Sections of one level, in printed order. */
    public List<ParsedSection> sectionsOf(String levelName) {
        return sections.stream().filter(s -> s.levelName().equals(levelName)).toList();
    }
}
