package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.compose.SdlText.quote;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.argument;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.namedType;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.string;

import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FieldDefinition;
import graphql.language.InlineFragment;
import graphql.language.InputValueDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;
import org.epicontrol.gateway.compose.SubgraphSchema.TypeDef;
import org.epicontrol.gateway.supergraph.FieldSets;

/**
 * The composition rules of each subgraph on its own: {@code @key}, {@code @requires} and {@code @provides} field sets
 * select existing fields the way the directive allows, {@code @external} fields are used, {@code @override} names
 * another subgraph, and features this composition does not support are named. Records, per subgraph, what the field
 * sets select: merging needs it to decide which subgraphs resolve a field.
 */
final class SubgraphValidator {

    private final List<CompositionError> errors;
    /** Per subgraph: "Type.field" selected by its @key, @requires and @provides field sets. */
    private final Map<String, Set<String>> usedByDirectives = new HashMap<>();
    /** Per subgraph: "Type.field" its @provides field sets select (shareable from that side). */
    private final Map<String, Set<String>> providedByDirectives = new HashMap<>();
    /** Per subgraph and type ("graph/Type"): top-level fields of its keys. */
    private final Map<String, Set<String>> keyFields = new HashMap<>();

    SubgraphValidator(List<CompositionError> errors) {
        this.errors = errors;
    }

    /** Whether a field set of the subgraph's directives selects "Type.field". */
    boolean usedByDirectives(String graph, String coordinate) {
        return usedByDirectives.getOrDefault(graph, Set.of()).contains(coordinate);
    }

    /** Whether the subgraph's {@code @provides} selects "Type.field". */
    boolean provided(String graph, String coordinate) {
        return providedByDirectives.getOrDefault(graph, Set.of()).contains(coordinate);
    }

    /** Whether the field is a top-level field of one of the type's keys in the subgraph. */
    boolean isKeyField(String graph, String typeName, String field) {
        return keyFields.getOrDefault(graph + "/" + typeName, Set.of()).contains(field);
    }

    /** Checks one subgraph's federation directives, recording what their field sets select. */
    void validate(SubgraphSchema g) {
        Set<String> used = usedByDirectives.computeIfAbsent(g.name, n -> new HashSet<>());
        for (TypeDef t : g.types.values()) {
            if (t.kind == Kind.INTERFACE && g.hasDirective(t.directives, "key")) {
                errors.add(new CompositionError("UNSUPPORTED_FEATURE", "[" + g.name + "] Interface \"" + t.name
                        + "\" has @key: entity interfaces are not supported by this composition yet"));
            }
            if (g.hasDirective(t.directives, "interfaceObject")) {
                errors.add(new CompositionError("UNSUPPORTED_FEATURE", "[" + g.name + "] Type \"" + t.name
                        + "\" is an @interfaceObject, which this composition does not support yet"));
            }
            if (g.hasDirective(t.directives, "context")) {
                errors.add(new CompositionError("UNSUPPORTED_FEATURE", "[" + g.name + "] Type \"" + t.name
                        + "\" uses @context, which this composition does not support yet"));
            }
            if (t.kind != Kind.OBJECT) {
                continue;
            }
            Set<String> keys = keyFields.computeIfAbsent(g.name + "/" + t.name, n -> new HashSet<>());
            for (Directive key : g.directives(t.directives, "key")) {
                String fields = string(argument(key, "fields"));
                String where = "[" + g.name + "] On type \"" + t.name + "\", for @key(fields: " + quote(fields) + "): ";
                List<String> top = new ArrayList<>();
                List<String> problems = checkFieldSet(g, t.name, fields, true, used, top);
                keys.addAll(top);
                if (!problems.isEmpty()) {
                    errors.add(new CompositionError("KEY_INVALID_FIELDS", where + String.join("; ", problems)
                            + (problems.get(0).startsWith("Cannot query") ? " (the field should either be added to"
                            + " this subgraph or, if it should not be resolved by this subgraph, you need to add it"
                            + " to this subgraph with @external)" : "")));
                }
            }
            for (FieldDefinition f : t.fields.values()) {
                validateFieldDirectives(g, t, f, used);
            }
        }
        for (TypeDef t : g.types.values()) {
            if (t.kind != Kind.OBJECT) {
                continue;
            }
            for (FieldDefinition f : t.fields.values()) {
                if (g.isExternal(t, f) && !used.contains(t.name + "." + f.getName())
                        && !satisfiesInterface(g, t, f.getName())) {
                    errors.add(new CompositionError("EXTERNAL_UNUSED", "[" + g.name + "] Field \"" + t.name + "."
                            + f.getName() + "\" is marked @external but is not used in any federation directive "
                            + "(@key, @provides, @requires) or to satisfy an interface; the field declaration has no "
                            + "use and should be removed (or the field should not be @external)."));
                }
            }
        }
    }

    private void validateFieldDirectives(SubgraphSchema g, TypeDef t, FieldDefinition f, Set<String> used) {
        String coordinate = t.name + "." + f.getName();
        String requires = g.directiveArgument(f.getDirectives(), "requires", "fields");
        if (requires != null) {
            String where = "[" + g.name + "] On field \"" + coordinate + "\", for @requires(fields: " + quote(requires)
                    + "): ";
            List<String> top = new ArrayList<>();
            List<String> problems = checkFieldSet(g, t.name, requires, false, used, top);
            if (!problems.isEmpty()) {
                errors.add(new CompositionError("REQUIRES_INVALID_FIELDS", where + String.join("; ", problems)
                        + (problems.get(0).startsWith("Cannot query") ? " (if the field is defined in another "
                        + "subgraph, you need to add it to this subgraph with @external)" : "")));
            }
            for (String name : top) {
                FieldDefinition required = t.fields.get(name);
                if (required != null && !g.isExternal(t, required)) {
                    errors.add(new CompositionError("REQUIRES_FIELDS_MISSING_EXTERNAL", where + "field \"" + t.name
                            + "." + name + "\" should not be part of a @requires since it is already provided by "
                            + "this subgraph (it is not marked @external)"));
                }
            }
        }
        String provides = g.directiveArgument(f.getDirectives(), "provides", "fields");
        if (provides != null) {
            String where = "[" + g.name + "] On field \"" + coordinate + "\", for @provides(fields: " + quote(provides)
                    + "): ";
            String returned = namedType(f.getType());
            TypeDef target = g.types.get(returned);
            if (target == null || target.kind == Kind.ENUM || target.kind == Kind.SCALAR
                    || target.kind == Kind.INPUT) {
                errors.add(new CompositionError("PROVIDES_ON_NON_OBJECT_FIELD", where + "field \"" + coordinate
                        + "\" of type \"" + AstPrinter.printAst(f.getType()) + "\" is not an object or interface "
                        + "type, so @provides cannot apply to it"));
            } else {
                List<String> top = new ArrayList<>();
                Set<String> selected = new HashSet<>();
                List<String> problems = checkFieldSet(g, returned, provides, false, selected, top);
                used.addAll(selected);
                providedByDirectives.computeIfAbsent(g.name, n -> new HashSet<>()).addAll(selected);
                if (!problems.isEmpty()) {
                    errors.add(new CompositionError("PROVIDES_INVALID_FIELDS", where + String.join("; ", problems)));
                }
                for (String name : top) {
                    FieldDefinition provided = target.fields.get(name);
                    if (provided != null && !g.isExternal(target, provided)) {
                        errors.add(new CompositionError("PROVIDES_FIELDS_MISSING_EXTERNAL", where + "field \""
                                + returned + "." + name + "\" should not be part of a @provides since it is already "
                                + "provided by this subgraph (it is not marked @external)"));
                    }
                }
            }
        }
        for (Directive override : g.directives(f.getDirectives(), "override")) {
            String from = string(argument(override, "from"));
            String where = "[" + g.name + "] Field \"" + coordinate + "\" ";
            if (g.name.equals(from)) {
                errors.add(new CompositionError("OVERRIDE_FROM_SELF_ERROR", where + "uses @override(from: "
                        + quote(from) + ") on its own subgraph: @override must name the subgraph it takes over from"));
            }
            if (g.isExternal(t, f)) {
                errors.add(new CompositionError("OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", where
                        + "is both @override and @external: an overriding field must be resolved by this subgraph"));
            }
            if (argument(override, "label") != null) {
                errors.add(new CompositionError("UNSUPPORTED_FEATURE", where + "uses a progressive @override "
                        + "(label), which this gateway does not support yet"));
            }
        }
        for (InputValueDefinition arg : f.getInputValueDefinitions()) {
            if (g.hasDirective(arg.getDirectives(), "fromContext")) {
                errors.add(new CompositionError("UNSUPPORTED_FEATURE", "[" + g.name + "] Argument \"" + coordinate
                        + "(" + arg.getName() + ":)\" uses @fromContext, which this composition does not support "
                        + "yet"));
            }
        }
    }

    /**
     * Checks a field set against a type of the subgraph; records every "Type.field" it selects in {@code used} and
     * the top-level field names in {@code top}; answers the problems found.
     */
    private List<String> checkFieldSet(SubgraphSchema g, String typeName, String fieldSet, boolean forKey,
                                       Set<String> used, List<String> top) {
        List<String> problems = new ArrayList<>();
        if (fieldSet == null || fieldSet.isBlank()) {
            problems.add("the field set is empty");
            return problems;
        }
        SelectionSet selection;
        try {
            selection = FieldSets.parse(fieldSet);
        } catch (InvalidSyntaxException e) {
            problems.add("the field set is not valid GraphQL: " + e.getMessage());
            return problems;
        }
        walk(g, typeName, selection, forKey, used, top, problems);
        return problems;
    }

    private void walk(SubgraphSchema g, String typeName, SelectionSet set, boolean forKey, Set<String> used,
                      List<String> top, List<String> problems) {
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof InlineFragment fragment && !forKey) {
                String condition = fragment.getTypeCondition() == null ? typeName
                        : fragment.getTypeCondition().getName();
                if (!g.types.containsKey(condition)) {
                    problems.add("Unknown type \"" + condition + "\"");
                } else {
                    walk(g, condition, fragment.getSelectionSet(), false, used, null, problems);
                }
                continue;
            }
            if (!(s instanceof Field f)) {
                problems.add(forKey ? "@key field sets cannot use fragments" : "field sets cannot use named fragments");
                continue;
            }
            if (f.getName().equals("__typename")) {
                continue;
            }
            String coordinate = typeName + "." + f.getName();
            if (f.getAlias() != null) {
                problems.add("field \"" + coordinate + "\" is aliased, which field sets do not allow");
            }
            TypeDef type = g.types.get(typeName);
            FieldDefinition definition = type == null ? null : type.fields.get(f.getName());
            if (definition == null) {
                problems.add("Cannot query field \"" + f.getName() + "\" on type \"" + typeName + "\"");
                continue;
            }
            used.add(coordinate);
            if (top != null) {
                top.add(f.getName());
            }
            if (forKey && !definition.getInputValueDefinitions().isEmpty()) {
                problems.add("field \"" + coordinate + "\" has arguments, which @key fields may not have");
            }
            String inner = namedType(definition.getType());
            TypeDef innerType = g.types.get(inner);
            boolean composite = innerType != null && (innerType.kind == Kind.OBJECT || innerType.kind == Kind.INTERFACE
                    || innerType.kind == Kind.UNION);
            if (forKey && composite && innerType.kind != Kind.OBJECT) {
                problems.add("field \"" + coordinate + "\" is of abstract type \"" + inner + "\", which @key fields "
                        + "may not be");
            }
            boolean hasSelection = f.getSelectionSet() != null && !f.getSelectionSet().getSelections().isEmpty();
            if (hasSelection && !composite) {
                problems.add("field \"" + coordinate + "\" is of leaf type \"" + inner + "\" and cannot have a "
                        + "selection of subfields");
            } else if (hasSelection) {
                walk(g, inner, f.getSelectionSet(), forKey, used, null, problems);
            } else if (composite) {
                problems.add("field \"" + coordinate + "\" is of composite type \"" + inner + "\" and needs a "
                        + "selection of subfields");
            }
        }
    }

    private static boolean satisfiesInterface(SubgraphSchema g, TypeDef t, String field) {
        for (String i : t.interfaces) {
            TypeDef iface = g.types.get(i);
            if (iface != null && iface.fields.containsKey(field)) {
                return true;
            }
        }
        return false;
    }
}
