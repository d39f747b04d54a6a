package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.compose.SdlText.firstDescription;
import static org.epicontrol.gateway.compose.SdlText.text;
import static org.epicontrol.gateway.compose.SdlText.graphList;
import static org.epicontrol.gateway.compose.SdlText.print;
import static org.epicontrol.gateway.compose.SdlText.quote;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.argument;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.bool;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.namedType;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.string;

import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;
import org.epicontrol.gateway.compose.SubgraphSchema.TypeDef;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedField;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedType;
import org.epicontrol.gateway.compose.SupergraphModel.JoinField;
import org.epicontrol.gateway.compose.SupergraphModel.JoinImplements;
import org.epicontrol.gateway.compose.SupergraphModel.JoinType;

/**
 * Merges object and interface types: fields over all subgraphs that define the type, each with the
 * {@code @join__field}s that say which subgraph resolves it (and with which {@code @requires}, {@code @provides},
 * {@code @override}, or a type of its own). A field resolved by several subgraphs must be {@code @shareable} (or a
 * key field) in each.
 */
final class ObjectTypeMerger {

    private final List<CompositionError> errors;
    private final Map<String, String> graphIds;
    private final SubgraphValidator directives;
    private final FieldTypeMerger types;
    private final InputValueMerger inputValues;

    ObjectTypeMerger(List<CompositionError> errors, Map<String, String> graphIds, SubgraphValidator directives,
                     FieldTypeMerger types, InputValueMerger inputValues) {
        this.errors = errors;
        this.graphIds = graphIds;
        this.directives = directives;
        this.types = types;
        this.inputValues = inputValues;
    }

    ComposedType merge(String typeName, List<FromSubgraph<TypeDef>> defs) {
        Kind kind = defs.get(0).value().kind;
        Set<String> interfaces = new LinkedHashSet<>();
        defs.forEach(d -> interfaces.addAll(d.value().interfaces));
        List<JoinType> joinTypes = new ArrayList<>();
        for (FromSubgraph<TypeDef> d : defs) {
            SubgraphSchema g = d.graph();
            List<Directive> keys = g.directives(d.value().directives, "key");
            boolean extension = d.value().extension;
            if (keys.isEmpty()) {
                joinTypes.add(new JoinType(graphIds.get(g.name), null, extension, true, false));
            }
            for (Directive key : keys) {
                joinTypes.add(new JoinType(graphIds.get(g.name), string(argument(key, "fields")), extension,
                        bool(argument(key, "resolvable"), true), false));
            }
        }
        List<JoinImplements> joinImplements = new ArrayList<>();
        for (FromSubgraph<TypeDef> d : defs) {
            for (String i : d.value().interfaces) {
                joinImplements.add(new JoinImplements(graphIds.get(d.graph().name), i));
            }
        }
        Map<String, List<FromSubgraph<FieldDefinition>>> fields = new LinkedHashMap<>();
        Map<SubgraphSchema, TypeDef> typeIn = new LinkedHashMap<>();
        for (FromSubgraph<TypeDef> d : defs) {
            typeIn.put(d.graph(), d.value());
            d.value().fields.values().forEach(f -> fields.computeIfAbsent(f.getName(), n -> new ArrayList<>())
                    .add(new FromSubgraph<>(d.graph(), f)));
        }
        List<ComposedField> merged = new ArrayList<>();
        fields.forEach((name, sources) -> {
            ComposedField field = mergeField(kind, typeName, name, sources, typeIn);
            if (field != null) {
                merged.add(field);
            }
        });
        return new ComposedType(kind, typeName, firstDescription(defs, d -> d.value().description),
                List.copyOf(interfaces), joinTypes, joinImplements, List.of(), List.of(),
                AppliedDirectives.merge(typeName, defs.stream()
                        .map(d -> new FromSubgraph<>(d.graph(), d.value().directives)).toList(), errors),
                merged, List.of(), List.of(), null);
    }

    private ComposedField mergeField(Kind kind, String typeName, String fieldName,
                                     List<FromSubgraph<FieldDefinition>> sources,
                                     Map<SubgraphSchema, TypeDef> typeIn) {
        String coordinate = typeName + "." + fieldName;
        List<FromSubgraph<FieldDefinition>> internal = sources.stream()
                .filter(s -> !s.graph().isExternal(typeIn.get(s.graph()), s.value())).toList();
        if (kind == Kind.OBJECT && internal.isEmpty()) {
            errors.add(new CompositionError("EXTERNAL_MISSING_ON_BASE", "Field \"" + coordinate + "\" is marked "
                    + "@external on all the subgraphs in which it is listed (" + graphList(sources) + "): no "
                    + "subgraph resolves it"));
            return null;
        }
        List<FromSubgraph<FieldDefinition>> typed = internal.isEmpty() ? sources : internal;
        Type<?> type = types.merge(coordinate, typed.stream()
                .map(s -> new FromSubgraph<Type<?>>(s.graph(), s.value().getType())).toList(), false,
                "FIELD_TYPE_MISMATCH", "field");
        if (type == null) {
            return null;
        }
        for (FromSubgraph<FieldDefinition> s : sources) {
            if (!internal.contains(s) && !namedType(s.value().getType()).equals(namedType(type))) {
                errors.add(new CompositionError("EXTERNAL_TYPE_MISMATCH", "Type of field \"" + coordinate + "\" is "
                        + "incompatible across subgraphs (where marked @external): it has type \"" + print(type)
                        + "\" in " + graphList(internal) + " but type \"" + print(s.value().getType())
                        + "\" in subgraph \"" + s.graph().name + "\""));
            }
        }
        Overrides overrides = overrides(coordinate, sources);
        if (kind == Kind.OBJECT) {
            checkSharing(typeName, fieldName, sources, internal, overrides, typeIn);
        }

        List<FromSubgraph<FieldDefinition>> joined = sources.stream().filter(s -> !overrides.overridden
                .contains(s.graph()) || overrides.usedOverridden.contains(s.graph())).toList();
        return new ComposedField(fieldName, firstDescription(sources, s -> text(s.value().getDescription())),
                inputValues.arguments(coordinate, typed), type,
                needsJoinField(sources, type, overrides, typeIn) ? joinFields(joined, type, overrides, typeIn)
                        : List.of(),
                AppliedDirectives.merge(coordinate, sources.stream()
                        .map(s -> new FromSubgraph<>(s.graph(), s.value().getDirectives())).toList(), errors));
    }

    /** {@code @override}: the overridden subgraph no longer resolves the field (unless its own directives use it). */
    private record Overrides(Set<SubgraphSchema> overridden, Set<SubgraphSchema> usedOverridden,
                             Map<SubgraphSchema, String> from) {
    }

    private Overrides overrides(String coordinate, List<FromSubgraph<FieldDefinition>> sources) {
        Overrides out = new Overrides(new HashSet<>(), new HashSet<>(), new HashMap<>());
        for (FromSubgraph<FieldDefinition> s : sources) {
            String from = s.graph().directiveArgument(s.value().getDirectives(), "override", "from");
            if (from == null || from.equals(s.graph().name)) {
                continue;
            }
            out.from.put(s.graph(), from);
            for (FromSubgraph<FieldDefinition> other : sources) {
                if (other.graph().name.equals(from)) {
                    if (other.graph().hasDirective(other.value().getDirectives(), "override")) {
                        errors.add(new CompositionError("OVERRIDE_SOURCE_HAS_OVERRIDE", "Field \"" + coordinate
                                + "\" on subgraph \"" + s.graph().name + "\" is @override(from: " + quote(from)
                                + "), but it is also @override in subgraph \"" + from + "\": only one may take over"));
                    }
                    out.overridden.add(other.graph());
                    if (directives.usedByDirectives(from, coordinate)) {
                        out.usedOverridden.add(other.graph());
                    }
                }
            }
        }
        return out;
    }

    /** INVALID_FIELD_SHARING: an object field resolved by several subgraphs must be shareable in each. */
    private void checkSharing(String typeName, String fieldName, List<FromSubgraph<FieldDefinition>> sources,
                              List<FromSubgraph<FieldDefinition>> internal, Overrides overrides,
                              Map<SubgraphSchema, TypeDef> typeIn) {
        String coordinate = typeName + "." + fieldName;
        // An @external field that the subgraph @provides is resolved there too (on those paths), and shareable.
        List<FromSubgraph<FieldDefinition>> resolving = sources.stream().filter(s -> !overrides.overridden
                .contains(s.graph()) && (internal.contains(s) || directives.provided(s.graph().name, coordinate)))
                .toList();
        if (resolving.size() <= 1) {
            return;
        }
        List<FromSubgraph<FieldDefinition>> notShareable = resolving.stream().filter(s -> internal.contains(s)
                && !s.graph().isShareable(typeIn.get(s.graph()), s.value())
                && !directives.isKeyField(s.graph().name, typeName, fieldName)).toList();
        if (!notShareable.isEmpty()) {
            errors.add(new CompositionError("INVALID_FIELD_SHARING", "Non-shareable field \"" + coordinate
                    + "\" is resolved from multiple subgraphs: it is resolved from " + graphList(resolving)
                    + " and defined as non-shareable in " + (notShareable.size() == resolving.size()
                    ? "all of them" : graphList(notShareable)) + " (mark it @shareable in each subgraph that "
                    + "resolves it, or @override it in one)"));
        }
    }

    /** A field defined alike in every subgraph of its type needs no {@code @join__field}. */
    private static boolean needsJoinField(List<FromSubgraph<FieldDefinition>> sources, Type<?> type,
                                          Overrides overrides, Map<SubgraphSchema, TypeDef> typeIn) {
        if (!overrides.from.isEmpty() || !overrides.overridden.isEmpty() || sources.size() < typeIn.size()) {
            return true;
        }
        String printedType = print(type);
        for (FromSubgraph<FieldDefinition> s : sources) {
            SubgraphSchema g = s.graph();
            List<Directive> ds = s.value().getDirectives();
            if (!print(s.value().getType()).equals(printedType) || g.hasDirective(ds, "requires")
                    || g.hasDirective(ds, "provides") || g.isExternal(typeIn.get(g), s.value())) {
                return true;
            }
        }
        return false;
    }

    private List<JoinField> joinFields(List<FromSubgraph<FieldDefinition>> sources, Type<?> type,
                                       Overrides overrides, Map<SubgraphSchema, TypeDef> typeIn) {
        String printedType = print(type);
        List<JoinField> out = new ArrayList<>();
        for (FromSubgraph<FieldDefinition> s : sources) {
            SubgraphSchema g = s.graph();
            List<Directive> ds = s.value().getDirectives();
            String ownType = print(s.value().getType());
            out.add(new JoinField(graphIds.get(g.name), g.directiveArgument(ds, "requires", "fields"),
                    g.directiveArgument(ds, "provides", "fields"), ownType.equals(printedType) ? null : ownType,
                    g.isExternal(typeIn.get(g), s.value()), overrides.from.get(g),
                    overrides.usedOverridden.contains(g)));
        }
        return out;
    }
}
