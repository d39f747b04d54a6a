package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.compose.SdlText.firstDescription;
import static org.epicontrol.gateway.compose.SdlText.text;
import static org.epicontrol.gateway.compose.SdlText.graphList;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.namedType;

import graphql.language.Directive;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;
import org.epicontrol.gateway.compose.SubgraphSchema.TypeDef;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedEnumValue;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedInputValue;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedType;
import org.epicontrol.gateway.compose.SupergraphModel.JoinType;
import org.epicontrol.gateway.compose.SupergraphModel.JoinUnionMember;

/**
 * Merges unions (every member of every subgraph), enums (the union of values where only output uses them, the
 * common values where only input does, the same values everywhere where both do), input object types (the common
 * fields, see {@link InputValueMerger}) and scalars.
 */
final class SimpleTypeMerger {

    private final List<CompositionError> errors;
    private final Map<String, String> graphIds;
    private final InputValueMerger inputValues;
    /** Enum type name to a coordinate that uses it as input / as output type. */
    private final Map<String, String> enumInputUse = new LinkedHashMap<>();
    private final Map<String, String> enumOutputUse = new LinkedHashMap<>();

    SimpleTypeMerger(List<CompositionError> errors, Map<String, String> graphIds, InputValueMerger inputValues,
                     List<SubgraphSchema> graphs) {
        this.errors = errors;
        this.graphIds = graphIds;
        this.inputValues = inputValues;
        graphs.forEach(this::recordEnumUses);
    }

    /** The merged type, or null (with errors) when it cannot be merged. */
    ComposedType merge(String typeName, List<FromSubgraph<TypeDef>> defs) {
        return switch (defs.get(0).value().kind) {
            case UNION -> union(typeName, defs);
            case ENUM -> enumType(typeName, defs);
            case INPUT -> input(typeName, defs);
            case SCALAR -> scalar(typeName, defs);
            default -> throw new IllegalArgumentException(typeName + " is an object or interface type");
        };
    }

    private ComposedType union(String typeName, List<FromSubgraph<TypeDef>> defs) {
        List<JoinUnionMember> joinMembers = new ArrayList<>();
        Set<String> members = new LinkedHashSet<>();
        for (FromSubgraph<TypeDef> d : defs) {
            for (String m : d.value().members) {
                joinMembers.add(new JoinUnionMember(graphIds.get(d.graph().name), m));
                members.add(m);
            }
        }
        return type(Kind.UNION, typeName, defs, joinMembers, List.copyOf(members), List.of(), List.of(), null);
    }

    private ComposedType enumType(String typeName, List<FromSubgraph<TypeDef>> defs) {
        Map<String, List<FromSubgraph<EnumValueDefinition>>> values = new LinkedHashMap<>();
        for (FromSubgraph<TypeDef> d : defs) {
            d.value().values.values().forEach(v -> values.computeIfAbsent(v.getName(), n -> new ArrayList<>())
                    .add(new FromSubgraph<>(d.graph(), v)));
        }
        String inputUse = enumInputUse.get(typeName);
        String outputUse = enumOutputUse.get(typeName);
        List<ComposedEnumValue> kept = new ArrayList<>();
        for (Map.Entry<String, List<FromSubgraph<EnumValueDefinition>>> v : values.entrySet()) {
            boolean everywhere = v.getValue().size() == defs.size();
            if (!everywhere && inputUse != null && outputUse != null) {
                FromSubgraph<TypeDef> missing = defs.stream().filter(d -> !d.value().values.containsKey(v.getKey()))
                        .findFirst().orElseThrow();
                errors.add(new CompositionError("ENUM_VALUE_MISMATCH", "Enum type \"" + typeName + "\" is used as "
                        + "both input type (for example, as type of \"" + inputUse + "\") and output type (for "
                        + "example, as type of \"" + outputUse + "\"), but value \"" + v.getKey() + "\" is not "
                        + "defined in all the subgraphs defining \"" + typeName + "\": \"" + v.getKey() + "\" is "
                        + "defined in subgraph \"" + v.getValue().get(0).graph().name + "\" but not in subgraph \""
                        + missing.graph().name + "\""));
                return null;
            }
            if (everywhere || inputUse == null) {
                List<FromSubgraph<EnumValueDefinition>> sources = v.getValue();
                kept.add(new ComposedEnumValue(v.getKey(), firstDescription(sources, s -> text(s.value().getDescription())),
                        sources.stream().map(s -> graphIds.get(s.graph().name)).toList(),
                        AppliedDirectives.merge(typeName + "." + v.getKey(), sources.stream()
                                .map(s -> new FromSubgraph<>(s.graph(), s.value().getDirectives())).toList(),
                                errors)));
            }
        }
        if (kept.isEmpty()) {
            errors.add(new CompositionError("EMPTY_MERGED_ENUM_TYPE", "None of the values of enum type \"" + typeName
                    + "\" are defined consistently in all the subgraphs defining that type (" + graphList(defs)
                    + "), and it is used as an input type (\"" + inputUse + "\")"));
            return null;
        }
        return type(Kind.ENUM, typeName, defs, List.of(), List.of(), List.of(), kept, null);
    }

    private ComposedType input(String typeName, List<FromSubgraph<TypeDef>> defs) {
        Map<String, List<FromSubgraph<InputValueDefinition>>> fields = new LinkedHashMap<>();
        for (FromSubgraph<TypeDef> d : defs) {
            d.value().inputFields.values().forEach(f -> fields.computeIfAbsent(f.getName(), n -> new ArrayList<>())
                    .add(new FromSubgraph<>(d.graph(), f)));
        }
        List<ComposedInputValue> kept = inputValues.inputFields(typeName, fields,
                defs.stream().map(FromSubgraph::graph).toList());
        if (kept.isEmpty()) {
            errors.add(new CompositionError("EMPTY_MERGED_INPUT_TYPE", "None of the fields of input object type \""
                    + typeName + "\" are consistently defined in all the subgraphs defining that type ("
                    + graphList(defs) + ")"));
            return null;
        }
        return type(Kind.INPUT, typeName, defs, List.of(), List.of(), kept, List.of(), null);
    }

    private ComposedType scalar(String typeName, List<FromSubgraph<TypeDef>> defs) {
        Directive specifiedBy = defs.stream().flatMap(d -> d.value().directives.stream())
                .filter(d -> d.getName().equals("specifiedBy")).findFirst().orElse(null);
        return type(Kind.SCALAR, typeName, defs, List.of(), List.of(), List.of(), List.of(), specifiedBy);
    }

    private ComposedType type(Kind kind, String typeName, List<FromSubgraph<TypeDef>> defs,
                              List<JoinUnionMember> joinMembers, List<String> members,
                              List<ComposedInputValue> inputFields, List<ComposedEnumValue> values,
                              Directive specifiedBy) {
        List<JoinType> joinTypes = defs.stream()
                .map(d -> new JoinType(graphIds.get(d.graph().name), null, false, true, false)).toList();
        return new ComposedType(kind, typeName, firstDescription(defs, d -> d.value().description), List.of(),
                joinTypes, List.of(), joinMembers, members,
                AppliedDirectives.merge(typeName, defs.stream()
                        .map(d -> new FromSubgraph<>(d.graph(), d.value().directives)).toList(), errors),
                List.of(), inputFields, values, specifiedBy);
    }

    private void recordEnumUses(SubgraphSchema g) {
        for (TypeDef t : g.types.values()) {
            for (FieldDefinition f : t.fields.values()) {
                enumOutputUse.putIfAbsent(namedType(f.getType()),
                        t.name + "." + f.getName());
                for (InputValueDefinition a : f.getInputValueDefinitions()) {
                    enumInputUse.putIfAbsent(namedType(
                            a.getType()), t.name + "." + f.getName() + "(" + a.getName() + ":)");
                }
            }
            for (InputValueDefinition v : t.inputFields.values()) {
                enumInputUse.putIfAbsent(namedType(v.getType()),
                        t.name + "." + v.getName());
            }
        }
    }
}
