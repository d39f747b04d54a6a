package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.compose.SdlText.firstDescription;
import static org.epicontrol.gateway.compose.SdlText.text;

import graphql.language.AstPrinter;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import graphql.language.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedInputValue;

/**
 * Merges arguments of a field and fields of an input type: kept only when every subgraph defining the field (or
 * type) has them (an error when some subgraph requires one that another lacks), with the strictest type and one
 * agreed default value.
 */
final class InputValueMerger {

    private final List<CompositionError> errors;
    private final FieldTypeMerger types;

    InputValueMerger(List<CompositionError> errors, FieldTypeMerger types) {
        this.errors = errors;
        this.types = types;
    }

    /** The arguments of a field all {@code sources} resolve. */
    List<ComposedInputValue> arguments(String coordinate, List<FromSubgraph<FieldDefinition>> sources) {
        Map<String, List<FromSubgraph<InputValueDefinition>>> byName = new LinkedHashMap<>();
        for (FromSubgraph<FieldDefinition> s : sources) {
            for (InputValueDefinition a : s.value().getInputValueDefinitions()) {
                byName.computeIfAbsent(a.getName(), n -> new ArrayList<>()).add(new FromSubgraph<>(s.graph(), a));
            }
        }
        List<ComposedInputValue> out = new ArrayList<>();
        byName.forEach((name, present) -> {
            ComposedInputValue merged = merge(coordinate + "(" + name + ":)", "Argument", present,
                    sources.stream().map(FromSubgraph::graph).toList(), "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH",
                    "FIELD_ARGUMENT_TYPE_MISMATCH", "FIELD_ARGUMENT_DEFAULT_MISMATCH");
            if (merged != null) {
                out.add(merged);
            }
        });
        return out;
    }

    /** The fields of an input object type defined in {@code all} those subgraphs. */
    List<ComposedInputValue> inputFields(String typeName, Map<String, List<FromSubgraph<InputValueDefinition>>> fields,
                                         List<SubgraphSchema> all) {
        List<ComposedInputValue> kept = new ArrayList<>();
        fields.forEach((name, present) -> {
            ComposedInputValue merged = merge(typeName + "." + name, "Input field", present, all,
                    "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", "FIELD_TYPE_MISMATCH",
                    "INPUT_FIELD_DEFAULT_MISMATCH");
            if (merged != null) {
                kept.add(merged);
            }
        });
        return kept;
    }

    /** One argument or input field defined in {@code present} of the subgraphs {@code all}; null when left out. */
    private ComposedInputValue merge(String coordinate, String what, List<FromSubgraph<InputValueDefinition>> present,
                                     List<SubgraphSchema> all, String missingCode, String typeCode,
                                     String defaultCode) {
        if (present.size() < all.size()) {
            for (FromSubgraph<InputValueDefinition> p : present) {
                if (p.value().getType() instanceof NonNullType && p.value().getDefaultValue() == null) {
                    SubgraphSchema missing = all.stream().filter(g -> present.stream().noneMatch(x -> x.graph() == g))
                            .findFirst().orElseThrow();
                    errors.add(new CompositionError(missingCode, what + " \"" + coordinate + "\" is required in "
                            + "some subgraphs but does not appear in all subgraphs: it is required in subgraph \""
                            + p.graph().name + "\" but does not appear in subgraph \"" + missing.name + "\""));
                    return null;
                }
            }
            return null; // optional and not everywhere: left out of the supergraph
        }
        Type<?> type = types.merge(coordinate, present.stream().map(p -> new FromSubgraph<Type<?>>(p.graph(),
                p.value().getType())).toList(), true, typeCode, what.toLowerCase(Locale.ROOT));
        if (type == null) {
            return null;
        }
        Set<String> defaults = new LinkedHashSet<>();
        present.forEach(p -> defaults.add(p.value().getDefaultValue() == null ? ""
                : AstPrinter.printAst(p.value().getDefaultValue())));
        if (defaults.size() > 1) {
            errors.add(new CompositionError(defaultCode, what + " \"" + coordinate + "\" has incompatible default "
                    + "values across subgraphs: " + present.stream().map(p -> (p.value().getDefaultValue() == null
                    ? "no default value" : "default value " + AstPrinter.printAst(p.value().getDefaultValue()))
                    + " in subgraph \"" + p.graph().name + "\"").collect(Collectors.joining(", "))));
            return null;
        }
        String dflt = defaults.iterator().next();
        return new ComposedInputValue(present.get(0).value().getName(),
                firstDescription(present, p -> text(p.value().getDescription())), type, dflt.isEmpty() ? null : dflt,
                AppliedDirectives.merge(coordinate, present.stream()
                        .map(p -> new FromSubgraph<>(p.graph(), p.value().getDirectives())).toList(), errors));
    }
}
