package org.epicontrol.gateway.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a plan as JSON-ready maps (for {@code extensions.queryPlan}) and as indented text (for tests, logs). */
public final class QueryPlanRenderer {
    private QueryPlanRenderer() {
    }

    public static Map<String, Object> toMap(QueryPlan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "QueryPlan");
        out.put("node", plan.root() == null ? null : toMap(plan.root()));
        return out;
    }

    public static Map<String, Object> toMap(PlanNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (node instanceof PlanNode.Fetch f) {
            out.put("kind", "Fetch");
            out.put("serviceName", f.serviceName());
            out.put("variableUsages", f.variableUsages());
            out.put("operation", f.operation());
            out.put("operationKind", f.operation().startsWith("mutation") ? "mutation" : "query");
            if (f.isEntityFetch()) {
                out.put("requires", requiresText(f.requires()));
            }
        } else if (node instanceof PlanNode.Flatten fl) {
            out.put("kind", "Flatten");
            out.put("path", fl.path());
            if (fl.paths().size() > 1) {
                out.put("paths", fl.paths());
            }
            out.put("node", toMap(fl.node()));
        } else if (node instanceof PlanNode.Sequence s) {
            out.put("kind", "Sequence");
            out.put("nodes", s.nodes().stream().map(QueryPlanRenderer::toMap).toList());
        } else if (node instanceof PlanNode.Parallel p) {
            out.put("kind", "Parallel");
            out.put("nodes", p.nodes().stream().map(QueryPlanRenderer::toMap).toList());
        }
        return out;
    }

    /** A compact text form, e.g. {@code Sequence[Fetch(products), Flatten(topProducts.@, Fetch(reviews))]}. */
    public static String shape(PlanNode node) {
        if (node == null) {
            return "Empty";
        }
        if (node instanceof PlanNode.Fetch f) {
            return "Fetch(" + f.serviceName() + ")";
        }
        if (node instanceof PlanNode.Flatten fl) {
            List<String> paths = new ArrayList<>();
            fl.paths().forEach(p -> paths.add(String.join(".", p)));
            return "Flatten(" + String.join(" + ", paths) + ", " + shape(fl.node()) + ")";
        }
        List<PlanNode> nodes = node instanceof PlanNode.Sequence s ? s.nodes() : ((PlanNode.Parallel) node).nodes();
        List<String> parts = new ArrayList<>();
        nodes.forEach(n -> parts.add(shape(n)));
        return (node instanceof PlanNode.Sequence ? "Sequence" : "Parallel") + "[" + String.join(", ", parts) + "]";
    }

    public static String requiresText(List<PlanNode.Requires> requires) {
        StringBuilder sb = new StringBuilder();
        for (PlanNode.Requires r : requires) {
            sb.append("... on ").append(r.typeCondition()).append(" ");
            fields(sb, r.fields());
            sb.append(' ');
        }
        return sb.toString().trim();
    }

    private static void fields(StringBuilder sb, List<PlanNode.RequiredField> fields) {
        sb.append("{ ");
        for (PlanNode.RequiredField f : fields) {
            if (!f.responseKey().equals(f.name())) {
                sb.append(f.responseKey()).append(": ");
            }
            sb.append(f.name()).append(' ');
            if (f.selections() != null) {
                fields(sb, f.selections());
                sb.append(' ');
            }
        }
        sb.append('}');
    }
}
