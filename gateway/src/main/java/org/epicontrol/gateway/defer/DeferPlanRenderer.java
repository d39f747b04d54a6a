package org.epicontrol.gateway.defer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicontrol.gateway.plan.QueryPlanRenderer;

/**
 * Renders a {@link DeferPlan} like {@link QueryPlanRenderer} renders a plan: compact text for tests and logs,
 * {@code Defer { primary: <plan>, deferred <label> <path>: <plan>, ... }}, and a JSON-ready map for
 * {@code extensions.queryPlan} (kind {@code Defer}, as Apollo Router shows deferred plans).
 */
public final class DeferPlanRenderer {
    private DeferPlanRenderer() {
    }

    public static String shape(DeferPlan plan) {
        List<String> parts = new ArrayList<>();
        parts.add("primary: " + QueryPlanRenderer.shape(plan.primary().root()));
        for (DeferPlan.Deferred d : plan.deferred()) {
            DeferredFragment f = d.fragment();
            String where = f.path().isEmpty() ? "/" : String.join(".", f.path());
            String parent = f.parent() == DeferredFragment.PRIMARY ? "" : " in #" + f.parent();
            parts.add("deferred #" + f.id() + (f.label() == null ? "" : " " + f.label()) + parent + " " + where
                    + ": " + (d.plan() == null ? "with parent" : QueryPlanRenderer.shape(d.plan().root())));
        }
        return "Defer { " + String.join(", ", parts) + " }";
    }

    public static Map<String, Object> toMap(DeferPlan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "QueryPlan");
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("kind", "Defer");
        node.put("primary", plan.primary().root() == null ? null : QueryPlanRenderer.toMap(plan.primary().root()));
        List<Map<String, Object>> deferred = new ArrayList<>();
        for (DeferPlan.Deferred d : plan.deferred()) {
            DeferredFragment f = d.fragment();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            if (f.label() != null) {
                m.put("label", f.label());
            }
            m.put("path", f.path());
            if (f.parent() != DeferredFragment.PRIMARY) {
                m.put("parent", f.parent());
            }
            m.put("fetchedWith", f.kind().name().toLowerCase(Locale.ROOT));
            m.put("node", d.plan() == null || d.plan().root() == null ? null : QueryPlanRenderer.toMap(d.plan().root()));
            deferred.add(m);
        }
        node.put("deferred", deferred);
        out.put("node", node);
        return out;
    }
}
