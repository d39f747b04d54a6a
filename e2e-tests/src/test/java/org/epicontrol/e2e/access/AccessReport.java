package org.epicontrol.e2e.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The failure message: everything that is wrong at once, leaks grouped by caller and path (list positions folded). */
public final class AccessReport {

    private AccessReport() {
    }

    public static String of(List<String> missingRules, Collection<String> unprovided, Collection<String> notRun,
                            List<Leak> leaks) {
        StringBuilder out = new StringBuilder();
        section(out, "Types and fields without a rule in access-policy.tsv (decide who may read them)", missingRules);
        section(out, "Required arguments without a provider (AccessSamples): these fields were not walked", unprovided);
        section(out, "Operations an endpoint refused as a whole: not judged", notRun);
        Map<String, Long> grouped = leaks.stream().collect(Collectors.groupingBy(Leak::toString, LinkedHashMap::new,
                Collectors.counting()));
        section(out, leaks.size() + " objects or fields answered that the policy forbids (" + grouped.size() + " paths)",
                grouped.entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " ×" + e.getValue() : "")).toList());
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Collection<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append(":\n");
        lines.forEach(line -> out.append("  ").append(line).append('\n'));
    }
}
