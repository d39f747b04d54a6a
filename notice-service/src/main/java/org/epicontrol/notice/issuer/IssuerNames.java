package org.epicontrol.notice.issuer;

import java.util.List;
import java.util.Map;

import org.epicontrol.notice.text.NoticeText;

/**
 * Every name a known issuer is printed with, and the canonical name each stands for.
 *
 * @param canonicalByAlias alias (without blanks) → canonical name
 */
public record IssuerNames(Map<String, String> canonicalByAlias) {

    public IssuerNames {
        canonicalByAlias = Map.copyOf(canonicalByAlias);
    }

    /** The aliases, for the parser to look for in a text. */
    public List<String> aliases() {
        return List.copyOf(canonicalByAlias.keySet());
    }

    /** The canonical name of {@code printed}, or {@code printed} itself (stripped) when it is no known alias. */
    public String canonical(String printed) {
        if (printed == null) {
            return null;
        }
        String known = canonicalByAlias.get(NoticeText.withoutBlanks(printed));
        return known != null ? known : NoticeText.clean(printed);
    }
}
