package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.compose.SdlText.quote;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.argument;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.bool;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.string;

import graphql.language.Directive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;
import org.epicontrol.gateway.compose.SubgraphSchema.TypeDef;

/**
 * The composition rules of entity interfaces ({@code interface I @key(...)}) and {@code @interfaceObject}s
 * (Federation 2.3), with Apollo's error codes: an entity interface's keys are keys of each of its implementations in
 * that subgraph, and a subgraph where it has a resolvable key defines every implementation the supergraph has; an
 * {@code @interfaceObject} is an entity, is an interface in some other subgraph, where it has a resolvable key, and
 * its subgraph defines none of the interface's implementations.
 */
final class EntityInterfaceValidator {

    private final List<CompositionError> errors;

    EntityInterfaceValidator(List<CompositionError> errors) {
        this.errors = errors;
    }

    void validate(List<SubgraphSchema> graphs) {
        Map<String, Set<String>> implementations = implementations(graphs);
        Map<String, List<SubgraphSchema>> interfaceObjects = new LinkedHashMap<>();
        for (SubgraphSchema g : graphs) {
            for (TypeDef t : g.types.values()) {
                if (t.kind == Kind.INTERFACE && g.hasDirective(t.directives, "key")) {
                    checkEntityInterface(g, t, implementations.getOrDefault(t.name, Set.of()));
                }
                if (isInterfaceObject(g, t)) {
                    interfaceObjects.computeIfAbsent(t.name, n -> new ArrayList<>()).add(g);
                    if (!g.hasDirective(t.directives, "key")) {
                        errors.add(new CompositionError("INTERFACE_OBJECT_USAGE_ERROR", "[" + g.name + "] The "
                                + "@interfaceObject directive can only be applied to entity types but type \"" + t.name
                                + "\" has no @key in this subgraph."));
                    }
                }
            }
        }
        interfaceObjects.forEach((name, in) -> checkInterfaceObject(name, in, graphs,
                implementations.getOrDefault(name, Set.of())));
    }

    /** Whether the type is an {@code @interfaceObject} in that subgraph. */
    static boolean isInterfaceObject(SubgraphSchema g, TypeDef t) {
        return t.kind == Kind.OBJECT && g.hasDirective(t.directives, "interfaceObject");
    }

    /** Interface name to the object types that implement it in any subgraph. */
    static Map<String, Set<String>> implementations(List<SubgraphSchema> graphs) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (SubgraphSchema g : graphs) {
            for (TypeDef t : g.types.values()) {
                if (t.kind == Kind.OBJECT) {
                    t.interfaces.forEach(i -> out.computeIfAbsent(i, n -> new TreeSet<>()).add(t.name));
                }
            }
        }
        return out;
    }

    private void checkEntityInterface(SubgraphSchema g, TypeDef iface, Set<String> supergraphImplementations) {
        List<TypeDef> local = g.types.values().stream()
                .filter(t -> t.kind == Kind.OBJECT && t.interfaces.contains(iface.name)).toList();
        boolean resolvable = false;
        for (Directive key : g.directives(iface.directives, "key")) {
            String fields = string(argument(key, "fields"));
            resolvable |= bool(argument(key, "resolvable"), true);
            for (TypeDef impl : local) {
                boolean hasKey = g.directives(impl.directives, "key").stream()
                        .anyMatch(k -> sameFieldSet(fields, string(argument(k, "fields"))));
                if (!hasKey) {
                    errors.add(new CompositionError("INTERFACE_KEY_NOT_ON_IMPLEMENTATION", "[" + g.name + "] Key "
                            + "@key(fields: " + quote(fields) + ") on interface type \"" + iface.name + "\" is missing "
                            + "on implementation type \"" + impl.name + "\"."));
                }
            }
        }
        if (!resolvable) {
            return;
        }
        Set<String> missing = new TreeSet<>(supergraphImplementations);
        local.forEach(t -> missing.remove(t.name));
        if (!missing.isEmpty()) {
            String types = missing.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
            errors.add(new CompositionError("INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE", "[" + g.name + "] Interface "
                    + "type \"" + iface.name + "\" has a resolvable key in subgraph \"" + g.name + "\" but that "
                    + "subgraph is missing some of the supergraph implementation types of \"" + iface.name + "\". "
                    + "Subgraph \"" + g.name + "\" should define type" + (missing.size() > 1 ? "s " : " ") + types
                    + " (and have " + (missing.size() > 1 ? "them" : "it") + " implement \"" + iface.name + "\")."));
        }
    }

    private void checkInterfaceObject(String name, List<SubgraphSchema> objectGraphs, List<SubgraphSchema> graphs,
                                      Set<String> implementations) {
        List<SubgraphSchema> interfaceGraphs = graphs.stream().filter(g -> g.types.get(name) != null
                && g.types.get(name).kind == Kind.INTERFACE).toList();
        String objectNames = objectGraphs.stream().map(g -> "\"" + g.name + "\"").collect(Collectors.joining(", "));
        if (interfaceGraphs.isEmpty()) {
            errors.add(new CompositionError("INTERFACE_OBJECT_USAGE_ERROR", "Type \"" + name + "\" is declared with "
                    + "@interfaceObject in all the subgraphs in which is is defined (" + objectNames + ") but should "
                    + "be defined as an interface in at least one subgraph"));
            return;
        }
        boolean entity = interfaceGraphs.stream().anyMatch(g -> g.directives(g.types.get(name).directives, "key")
                .stream().anyMatch(k -> bool(argument(k, "resolvable"), true)));
        if (!entity) {
            errors.add(new CompositionError("INTERFACE_OBJECT_USAGE_ERROR", "Type \"" + name + "\" is declared with "
                    + "@interfaceObject in " + objectNames + " but has no resolvable @key in any subgraph that "
                    + "defines it as an interface (" + interfaceGraphs.stream().map(g -> "\"" + g.name + "\"")
                    .collect(Collectors.joining(", ")) + "): nothing can resolve its implementation types"));
        }
        for (SubgraphSchema g : objectGraphs) {
            for (String impl : implementations) {
                if (g.types.containsKey(impl)) {
                    errors.add(new CompositionError("INTERFACE_OBJECT_USAGE_ERROR", "[" + g.name + "] Interface "
                            + "type \"" + name + "\" is defined as an @interfaceObject in subgraph \"" + g.name + "\" "
                            + "so that subgraph should not define any of the implementation types of \"" + name
                            + "\", but it defines type \"" + impl + "\""));
                }
            }
        }
    }

    /** Two field sets alike but for white space and commas. */
    private static boolean sameFieldSet(String a, String b) {
        return a != null && b != null && normalise(a).equals(normalise(b));
    }

    private static String normalise(String fieldSet) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (char c : fieldSet.toCharArray()) {
            if (Character.isWhitespace(c) || c == ',') {
                space = out.length() > 0;
            } else {
                if (space && c != '{' && c != '}' && out.charAt(out.length() - 1) != '{') {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
