package org.epicontrol.gateway.compose;

import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.Field;
import graphql.language.FieldDefinition;
import graphql.language.InlineFragment;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.parser.InvalidSyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;
import org.epicontrol.gateway.compose.SubgraphSchema.TypeDef;
import org.epicontrol.gateway.supergraph.FieldSets;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;

/**
 * Composes Federation 2 subgraph SDLs into a supergraph SDL in the {@code @link}/{@code join__*} form (join v0.3)
 * that Apollo composition writes and {@link SupergraphParser} reads.
 *
 * <p>Object and interface fields are merged over all subgraphs; a field resolved by several subgraphs must be
 * {@code @shareable} (or a key field) in each; output types merge to their common supertype, argument and input
 * types to the strictest; arguments and input fields keep the intersection; enums the union (output), the
 * intersection (input) or must agree (both). {@code @key}, {@code @requires} and {@code @provides} field sets are
 * checked against the subgraph that declares them. Every problem found is reported, not just the first.
 */
public final class SupergraphComposer {

    /** The composed supergraph: its SDL and the parsed form the gateway runs. */
    public record Composition(String supergraphSdl, Supergraph supergraph) {
    }

    record Src<T>(SubgraphSchema graph, T value) {
    }

    private static final String PRELUDE_DIRECTIVES = """
            directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE

            directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION

            directive @join__graph(name: String!, url: String!) on ENUM_VALUE

            directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE

            directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR

            directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION

            directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
            """;
    private static final String INACCESSIBLE_DIRECTIVE = "directive @inaccessible on FIELD_DEFINITION | OBJECT | "
            + "INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | "
            + "INPUT_FIELD_DEFINITION\n";
    private static final String TAG_DIRECTIVE = "directive @tag(name: String!) repeatable on FIELD_DEFINITION | "
            + "OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | "
            + "INPUT_FIELD_DEFINITION | SCHEMA\n";
    private static final List<String> ROOTS = List.of("Query", "Mutation", "Subscription");

    private final List<SubgraphSchema> graphs = new ArrayList<>();
    private final Map<String, String> graphIds = new HashMap<>();
    private final List<CompositionError> errors = new ArrayList<>();
    /** Interface or union name to the types some subgraph says implement it / belong to it. */
    private final Map<String, Set<String>> subtypes = new HashMap<>();
    /** Per subgraph: "Type.field" selected by its @key, @requires and @provides field sets. */
    private final Map<String, Set<String>> usedByDirectives = new HashMap<>();
    /** Per subgraph: "Type.field" its @provides field sets select (shareable from that side). */
    private final Map<String, Set<String>> providedByDirectives = new HashMap<>();
    /** Per subgraph and type ("graph/Type"): top-level fields of its keys. */
    private final Map<String, Set<String>> keyFields = new HashMap<>();
    private final Map<String, String> enumInputUse = new HashMap<>();
    private final Map<String, String> enumOutputUse = new HashMap<>();
    private boolean usesInaccessible;
    private boolean usesTag;
    private boolean usesCost;

    private SupergraphComposer() {
    }

    /**
     * @throws CompositionException with every problem found when the subgraphs do not compose
     */
    public static Composition compose(List<SubgraphSdl> subgraphs) {
        return new SupergraphComposer().run(subgraphs);
    }

    private Composition run(List<SubgraphSdl> inputs) {
        if (inputs.isEmpty()) {
            throw new CompositionException(List.of(new CompositionError("NO_SUBGRAPHS", "no subgraphs to compose")));
        }
        Set<String> names = new HashSet<>();
        for (SubgraphSdl in : inputs) {
            if (in.name() == null || in.name().isBlank()) {
                errors.add(new CompositionError("INVALID_SUBGRAPH_NAME", "a subgraph has no name (url "
                        + in.url() + ")"));
            } else if (!names.add(in.name())) {
                errors.add(new CompositionError("INVALID_SUBGRAPH_NAME", "two subgraphs are named \"" + in.name()
                        + "\""));
            }
        }
        failIfErrors();
        inputs.stream().sorted(Comparator.comparing(SubgraphSdl::name)).forEach(in -> {
            SubgraphSchema schema = SubgraphSchema.parse(in, errors);
            if (schema != null) {
                graphs.add(schema);
            }
        });
        failIfErrors();
        assignGraphIds();

        Map<String, List<Src<TypeDef>>> byType = new LinkedHashMap<>();
        for (SubgraphSchema g : graphs) {
            for (TypeDef t : g.types.values()) {
                byType.computeIfAbsent(t.name, n -> new ArrayList<>()).add(new Src<>(g, t));
                if (t.kind == Kind.UNION) {
                    subtypes.computeIfAbsent(t.name, n -> new HashSet<>()).addAll(t.members);
                }
                for (String i : t.interfaces) {
                    subtypes.computeIfAbsent(i, n -> new HashSet<>()).add(t.name);
                }
            }
            recordEnumUses(g);
            validateDirectives(g);
        }
        // Every subgraph answers queries (_service, _entities): Query belongs to all of them.
        List<Src<TypeDef>> queries = byType.computeIfAbsent("Query", n -> new ArrayList<>());
        for (SubgraphSchema g : graphs) {
            if (queries.stream().noneMatch(s -> s.graph() == g)) {
                TypeDef empty = new TypeDef("Query", Kind.OBJECT);
                empty.extension = false;
                queries.add(new Src<>(g, empty));
            }
        }
        queries.sort(Comparator.comparing(s -> s.graph().name));

        StringBuilder body = new StringBuilder();
        List<String> order = new ArrayList<>();
        ROOTS.stream().filter(byType::containsKey).forEach(order::add);
        byType.keySet().stream().filter(n -> !ROOTS.contains(n)).sorted().forEach(order::add);
        for (String typeName : order) {
            List<Src<TypeDef>> defs = byType.get(typeName);
            if (!sameKind(typeName, defs)) {
                continue;
            }
            switch (defs.get(0).value().kind) {
                case OBJECT, INTERFACE -> mergeComposite(typeName, defs, body);
                case UNION -> mergeUnion(typeName, defs, body);
                case ENUM -> mergeEnum(typeName, defs, body);
                case INPUT -> mergeInput(typeName, defs, body);
                case SCALAR -> mergeScalar(typeName, defs, body);
                default -> throw new IllegalStateException();
            }
        }
        failIfErrors();

        String sdl = header(order) + body;
        try {
            return new Composition(sdl, SupergraphParser.parse(sdl));
        } catch (SupergraphParser.InvalidSupergraphException e) {
            throw new CompositionException(List.of(new CompositionError("INVALID_SUPERGRAPH",
                    "the composed supergraph is not a valid schema: " + e.getMessage())));
        }
    }

    private void failIfErrors() {
        if (!errors.isEmpty()) {
            throw new CompositionException(errors);
        }
    }

    /** {@code join__Graph} values: the names upper-cased into enum value syntax, made unique. */
    private void assignGraphIds() {
        Set<String> taken = new HashSet<>();
        for (SubgraphSchema g : graphs) {
            String id = g.name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
            if (!Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
                id = "_" + id;
            }
            String unique = id;
            for (int i = 2; !taken.add(unique); i++) {
                unique = id + "_" + i;
            }
            graphIds.put(g.name, unique);
        }
    }

    private boolean sameKind(String typeName, List<Src<TypeDef>> defs) {
        Src<TypeDef> first = defs.get(0);
        for (Src<TypeDef> d : defs) {
            if (d.value().kind != first.value().kind) {
                errors.add(new CompositionError("TYPE_KIND_MISMATCH", "Type \"" + typeName + "\" has mismatched "
                        + "kind: it is defined as " + first.value().kind.label + " in subgraph \"" + first.graph().name
                        + "\" but " + d.value().kind.label + " in subgraph \"" + d.graph().name + "\""));
                return false;
            }
        }
        return true;
    }

    // ---- per-subgraph checks of the federation directives -------------------------------------------------------

    private void validateDirectives(SubgraphSchema g) {
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
                String fields = SubgraphSchema.string(SubgraphSchema.argument(key, "fields"));
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
            String returned = SubgraphSchema.namedType(f.getType());
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
            String from = SubgraphSchema.string(SubgraphSchema.argument(override, "from"));
            String where = "[" + g.name + "] Field \"" + coordinate + "\" ";
            if (g.name.equals(from)) {
                errors.add(new CompositionError("OVERRIDE_FROM_SELF_ERROR", where + "uses @override(from: "
                        + quote(from) + ") on its own subgraph: @override must name the subgraph it takes over from"));
            }
            if (g.isExternal(t, f)) {
                errors.add(new CompositionError("OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", where
                        + "is both @override and @external: an overriding field must be resolved by this subgraph"));
            }
            if (SubgraphSchema.argument(override, "label") != null) {
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
            String inner = SubgraphSchema.namedType(definition.getType());
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

    private void recordEnumUses(SubgraphSchema g) {
        for (TypeDef t : g.types.values()) {
            for (FieldDefinition f : t.fields.values()) {
                enumOutputUse.putIfAbsent(SubgraphSchema.namedType(f.getType()), t.name + "." + f.getName());
                for (InputValueDefinition a : f.getInputValueDefinitions()) {
                    enumInputUse.putIfAbsent(SubgraphSchema.namedType(a.getType()),
                            t.name + "." + f.getName() + "(" + a.getName() + ":)");
                }
            }
            for (InputValueDefinition v : t.inputFields.values()) {
                enumInputUse.putIfAbsent(SubgraphSchema.namedType(v.getType()), t.name + "." + v.getName());
            }
        }
    }

    // ---- objects and interfaces ---------------------------------------------------------------------------------

    private void mergeComposite(String typeName, List<Src<TypeDef>> defs, StringBuilder out) {
        Kind kind = defs.get(0).value().kind;
        description(out, "", first(defs, d -> d.value().description));
        Set<String> interfaces = new LinkedHashSet<>();
        defs.forEach(d -> interfaces.addAll(d.value().interfaces));
        out.append(kind == Kind.OBJECT ? "type " : "interface ").append(typeName);
        if (!interfaces.isEmpty()) {
            out.append(" implements ").append(String.join(" & ", interfaces));
        }
        for (Src<TypeDef> d : defs) {
            SubgraphSchema g = d.graph();
            List<Directive> keys = g.directives(d.value().directives, "key");
            String extension = d.value().extension ? ", extension: true" : "";
            if (keys.isEmpty()) {
                out.append("\n  @join__type(graph: ").append(graphIds.get(g.name)).append(extension).append(')');
            }
            for (Directive key : keys) {
                String fields = SubgraphSchema.string(SubgraphSchema.argument(key, "fields"));
                boolean resolvable = SubgraphSchema.bool(SubgraphSchema.argument(key, "resolvable"), true);
                out.append("\n  @join__type(graph: ").append(graphIds.get(g.name)).append(", key: ")
                        .append(quote(fields)).append(extension).append(resolvable ? "" : ", resolvable: false")
                        .append(')');
            }
        }
        for (Src<TypeDef> d : defs) {
            for (String i : d.value().interfaces) {
                out.append("\n  @join__implements(graph: ").append(graphIds.get(d.graph().name))
                        .append(", interface: ").append(quote(i)).append(')');
            }
        }
        appendCommonDirectives(out, defs.stream().map(d -> new Src<>(d.graph(), d.value().directives)).toList());
        out.append("\n{\n");
        Map<String, List<Src<FieldDefinition>>> fields = new LinkedHashMap<>();
        Map<SubgraphSchema, TypeDef> typeIn = new LinkedHashMap<>();
        for (Src<TypeDef> d : defs) {
            typeIn.put(d.graph(), d.value());
            d.value().fields.values().forEach(f -> fields.computeIfAbsent(f.getName(), n -> new ArrayList<>())
                    .add(new Src<>(d.graph(), f)));
        }
        fields.forEach((name, sources) -> mergeField(kind, typeName, name, sources, typeIn, out));
        out.append("}\n\n");
    }

    private void mergeField(Kind kind, String typeName, String fieldName, List<Src<FieldDefinition>> sources,
                            Map<SubgraphSchema, TypeDef> typeIn, StringBuilder out) {
        String coordinate = typeName + "." + fieldName;
        List<Src<FieldDefinition>> internal = sources.stream()
                .filter(s -> !s.graph().isExternal(typeIn.get(s.graph()), s.value())).toList();
        if (kind == Kind.OBJECT && internal.isEmpty()) {
            errors.add(new CompositionError("EXTERNAL_MISSING_ON_BASE", "Field \"" + coordinate + "\" is marked "
                    + "@external on all the subgraphs in which it is listed (" + graphList(sources) + "): no "
                    + "subgraph resolves it"));
            return;
        }
        List<Src<FieldDefinition>> typed = internal.isEmpty() ? sources : internal;
        Type<?> type = mergeTypes(coordinate, typed.stream().map(s -> new Src<Type<?>>(s.graph(), s.value().getType()))
                .toList(), false, "FIELD_TYPE_MISMATCH", "field");
        if (type == null) {
            return;
        }
        for (Src<FieldDefinition> s : sources) {
            if (!internal.contains(s) && !SubgraphSchema.namedType(s.value().getType())
                    .equals(SubgraphSchema.namedType(type))) {
                errors.add(new CompositionError("EXTERNAL_TYPE_MISMATCH", "Type of field \"" + coordinate + "\" is "
                        + "incompatible across subgraphs (where marked @external): it has type \"" + print(type)
                        + "\" in " + graphList(internal) + " but type \"" + print(s.value().getType())
                        + "\" in subgraph \"" + s.graph().name + "\""));
            }
        }

        // @override: the overridden subgraph no longer resolves the field (unless its own directives use it).
        Set<SubgraphSchema> overridden = new HashSet<>();
        Set<SubgraphSchema> usedOverridden = new HashSet<>();
        Map<SubgraphSchema, String> overrideFrom = new HashMap<>();
        for (Src<FieldDefinition> s : sources) {
            String from = s.graph().directiveArgument(s.value().getDirectives(), "override", "from");
            if (from == null || from.equals(s.graph().name)) {
                continue;
            }
            overrideFrom.put(s.graph(), from);
            for (Src<FieldDefinition> other : sources) {
                if (other.graph().name.equals(from)) {
                    if (other.graph().hasDirective(other.value().getDirectives(), "override")) {
                        errors.add(new CompositionError("OVERRIDE_SOURCE_HAS_OVERRIDE", "Field \"" + coordinate
                                + "\" on subgraph \"" + s.graph().name + "\" is @override(from: " + quote(from)
                                + "), but it is also @override in subgraph \"" + from + "\": only one may take over"));
                    }
                    overridden.add(other.graph());
                    if (usedByDirectives.get(from).contains(coordinate)) {
                        usedOverridden.add(other.graph());
                    }
                }
            }
        }

        if (kind == Kind.OBJECT) {
            // An @external field that the subgraph @provides is resolved there too (on those paths), and shareable.
            List<Src<FieldDefinition>> resolving = sources.stream().filter(s -> !overridden.contains(s.graph())
                    && (internal.contains(s) || providedByDirectives.getOrDefault(s.graph().name, Set.of())
                    .contains(coordinate))).toList();
            if (resolving.size() > 1) {
                List<Src<FieldDefinition>> notShareable = resolving.stream().filter(s -> internal.contains(s)
                        && !s.graph().isShareable(typeIn.get(s.graph()), s.value()) && !keyFields
                        .getOrDefault(s.graph().name + "/" + typeName, Set.of()).contains(fieldName)).toList();
                if (!notShareable.isEmpty()) {
                    errors.add(new CompositionError("INVALID_FIELD_SHARING", "Non-shareable field \"" + coordinate
                            + "\" is resolved from multiple subgraphs: it is resolved from " + graphList(resolving)
                            + " and defined as non-shareable in " + (notShareable.size() == resolving.size()
                            ? "all of them" : graphList(notShareable)) + " (mark it @shareable in each subgraph that "
                            + "resolves it, or @override it in one)"));
                }
            }
        }

        List<String> arguments = mergeArguments(coordinate, typed);
        String printedType = print(type);
        boolean needsJoinField = !overrideFrom.isEmpty() || !overridden.isEmpty();
        for (Src<FieldDefinition> s : sources) {
            SubgraphSchema g = s.graph();
            List<Directive> ds = s.value().getDirectives();
            needsJoinField |= !print(s.value().getType()).equals(printedType) || g.hasDirective(ds, "requires")
                    || g.hasDirective(ds, "provides") || g.isExternal(typeIn.get(g), s.value());
        }
        needsJoinField |= sources.size() < typeIn.size();

        description(out, "  ", first(sources, s -> description(s.value())));
        out.append("  ").append(fieldName);
        appendArguments(out, arguments);
        out.append(": ").append(printedType);
        if (needsJoinField) {
            for (Src<FieldDefinition> s : sources) {
                SubgraphSchema g = s.graph();
                if (overridden.contains(g) && !usedOverridden.contains(g)) {
                    continue;
                }
                List<Directive> ds = s.value().getDirectives();
                out.append(" @join__field(graph: ").append(graphIds.get(g.name));
                String requires = g.directiveArgument(ds, "requires", "fields");
                String provides = g.directiveArgument(ds, "provides", "fields");
                if (requires != null) {
                    out.append(", requires: ").append(quote(requires));
                }
                if (provides != null) {
                    out.append(", provides: ").append(quote(provides));
                }
                if (!print(s.value().getType()).equals(printedType)) {
                    out.append(", type: ").append(quote(print(s.value().getType())));
                }
                if (g.isExternal(typeIn.get(g), s.value())) {
                    out.append(", external: true");
                }
                if (overrideFrom.containsKey(g)) {
                    out.append(", override: ").append(quote(overrideFrom.get(g)));
                }
                if (usedOverridden.contains(g)) {
                    out.append(", usedOverridden: true");
                }
                out.append(')');
            }
        }
        appendCommonDirectives(out, sources.stream().map(s -> new Src<>(s.graph(), s.value().getDirectives()))
                .toList());
        out.append('\n');
    }

    private List<String> mergeArguments(String coordinate, List<Src<FieldDefinition>> sources) {
        Map<String, List<Src<InputValueDefinition>>> byName = new LinkedHashMap<>();
        for (Src<FieldDefinition> s : sources) {
            for (InputValueDefinition a : s.value().getInputValueDefinitions()) {
                byName.computeIfAbsent(a.getName(), n -> new ArrayList<>()).add(new Src<>(s.graph(), a));
            }
        }
        List<String> out = new ArrayList<>();
        byName.forEach((name, present) -> {
            String argument = coordinate + "(" + name + ":)";
            String merged = mergeInputValue(argument, "Argument", present, sources.size(),
                    sources.stream().map(Src::graph).toList(), "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH",
                    "FIELD_ARGUMENT_TYPE_MISMATCH", "FIELD_ARGUMENT_DEFAULT_MISMATCH", "    ");
            if (merged != null) {
                out.add(merged);
            }
        });
        return out;
    }

    /**
     * Merges one argument or input field defined in {@code present} of {@code total} subgraphs: kept only when in all
     * of them (an error when some subgraph requires it), with the strictest type and one agreed default value.
     */
    private String mergeInputValue(String coordinate, String what, List<Src<InputValueDefinition>> present, int total,
                                   List<SubgraphSchema> all, String missingCode, String typeCode, String defaultCode,
                                   String indent) {
        if (present.size() < total) {
            for (Src<InputValueDefinition> p : present) {
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
        Type<?> type = mergeTypes(coordinate, present.stream().map(p -> new Src<Type<?>>(p.graph(),
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
        StringBuilder out = new StringBuilder();
        description(out, indent, first(present, p -> description(p.value())));
        out.append(indent).append(present.get(0).value().getName()).append(": ").append(print(type));
        String dflt = defaults.iterator().next();
        if (!dflt.isEmpty()) {
            out.append(" = ").append(dflt);
        }
        appendCommonDirectives(out, present.stream().map(p -> new Src<>(p.graph(), p.value().getDirectives()))
                .toList());
        return out.toString();
    }

    private static void appendArguments(StringBuilder out, List<String> arguments) {
        if (arguments.isEmpty()) {
            return;
        }
        if (arguments.stream().noneMatch(a -> a.contains("\n"))) {
            out.append('(').append(arguments.stream().map(String::strip).collect(Collectors.joining(", ")))
                    .append(')');
            return;
        }
        out.append("(\n");
        arguments.forEach(a -> out.append(a).append('\n'));
        out.append("  )");
    }

    // ---- types of fields, arguments and input fields ------------------------------------------------------------

    /**
     * Output positions merge to the common supertype (nullable over non-null, interface or union over a member);
     * input positions to the strictest type. Null (with an error) when the types do not fit together.
     */
    private Type<?> mergeTypes(String coordinate, List<Src<Type<?>>> types, boolean input, String code, String what) {
        Type<?> merged = types.get(0).value();
        for (Src<Type<?>> t : types) {
            Type<?> next = input ? strictest(merged, t.value()) : supertype(merged, t.value());
            if (next == null) {
                Src<Type<?>> first = types.get(0);
                errors.add(new CompositionError(code, "Type of " + what + " \"" + coordinate + "\" is incompatible "
                        + "across subgraphs: it has type \"" + print(first.value()) + "\" in subgraph \""
                        + first.graph().name + "\" but type \"" + print(t.value()) + "\" in subgraph \""
                        + t.graph().name + "\""));
                return null;
            }
            merged = next;
        }
        return merged;
    }

    private Type<?> supertype(Type<?> a, Type<?> b) {
        if (a instanceof NonNullType na && b instanceof NonNullType nb) {
            Type<?> inner = supertype(na.getType(), nb.getType());
            return inner == null ? null : NonNullType.newNonNullType(inner).build();
        }
        if (a instanceof NonNullType na) {
            return supertype(na.getType(), b);
        }
        if (b instanceof NonNullType nb) {
            return supertype(a, nb.getType());
        }
        if (a instanceof ListType la && b instanceof ListType lb) {
            Type<?> inner = supertype(la.getType(), lb.getType());
            return inner == null ? null : ListType.newListType(inner).build();
        }
        if (a instanceof TypeName ta && b instanceof TypeName tb) {
            if (ta.getName().equals(tb.getName()) || isSubtype(tb.getName(), ta.getName())) {
                return ta;
            }
            return isSubtype(ta.getName(), tb.getName()) ? tb : null;
        }
        return null;
    }

    private static Type<?> strictest(Type<?> a, Type<?> b) {
        Type<?> ia = a instanceof NonNullType na ? na.getType() : a;
        Type<?> ib = b instanceof NonNullType nb ? nb.getType() : b;
        Type<?> inner;
        if (ia instanceof ListType la && ib instanceof ListType lb) {
            Type<?> element = strictest(la.getType(), lb.getType());
            inner = element == null ? null : ListType.newListType(element).build();
        } else if (ia instanceof TypeName ta && ib instanceof TypeName tb) {
            inner = ta.getName().equals(tb.getName()) ? ta : null;
        } else {
            inner = null;
        }
        if (inner == null) {
            return null;
        }
        return a instanceof NonNullType || b instanceof NonNullType ? NonNullType.newNonNullType(inner).build() : inner;
    }

    private boolean isSubtype(String sub, String sup) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(sup));
        while (!todo.isEmpty()) {
            String t = todo.remove(todo.size() - 1);
            if (seen.add(t) && subtypes.containsKey(t)) {
                if (subtypes.get(t).contains(sub)) {
                    return true;
                }
                todo.addAll(subtypes.get(t));
            }
        }
        return false;
    }

    // ---- unions, enums, inputs, scalars -------------------------------------------------------------------------

    private void mergeUnion(String typeName, List<Src<TypeDef>> defs, StringBuilder out) {
        description(out, "", first(defs, d -> d.value().description));
        out.append("union ").append(typeName);
        joinTypes(out, defs);
        for (Src<TypeDef> d : defs) {
            for (String m : d.value().members) {
                out.append("\n  @join__unionMember(graph: ").append(graphIds.get(d.graph().name)).append(", member: ")
                        .append(quote(m)).append(')');
            }
        }
        appendCommonDirectives(out, defs.stream().map(d -> new Src<>(d.graph(), d.value().directives)).toList());
        Set<String> members = new LinkedHashSet<>();
        defs.forEach(d -> members.addAll(d.value().members));
        out.append("\n  = ").append(String.join(" | ", members)).append("\n\n");
    }

    private void mergeEnum(String typeName, List<Src<TypeDef>> defs, StringBuilder out) {
        Map<String, List<Src<EnumValueDefinition>>> values = new LinkedHashMap<>();
        for (Src<TypeDef> d : defs) {
            d.value().values.values().forEach(v -> values.computeIfAbsent(v.getName(), n -> new ArrayList<>())
                    .add(new Src<>(d.graph(), v)));
        }
        String inputUse = enumInputUse.get(typeName);
        String outputUse = enumOutputUse.get(typeName);
        Map<String, List<Src<EnumValueDefinition>>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, List<Src<EnumValueDefinition>>> v : values.entrySet()) {
            boolean everywhere = v.getValue().size() == defs.size();
            if (!everywhere && inputUse != null && outputUse != null) {
                Src<TypeDef> missing = defs.stream().filter(d -> !d.value().values.containsKey(v.getKey()))
                        .findFirst().orElseThrow();
                errors.add(new CompositionError("ENUM_VALUE_MISMATCH", "Enum type \"" + typeName + "\" is used as "
                        + "both input type (for example, as type of \"" + inputUse + "\") and output type (for "
                        + "example, as type of \"" + outputUse + "\"), but value \"" + v.getKey() + "\" is not "
                        + "defined in all the subgraphs defining \"" + typeName + "\": \"" + v.getKey() + "\" is "
                        + "defined in subgraph \"" + v.getValue().get(0).graph().name + "\" but not in subgraph \""
                        + missing.graph().name + "\""));
                return;
            }
            if (everywhere || inputUse == null) {
                kept.put(v.getKey(), v.getValue());
            }
        }
        if (kept.isEmpty()) {
            errors.add(new CompositionError("EMPTY_MERGED_ENUM_TYPE", "None of the values of enum type \"" + typeName
                    + "\" are defined consistently in all the subgraphs defining that type (" + graphList(defs)
                    + "), and it is used as an input type (\"" + inputUse + "\")"));
            return;
        }
        description(out, "", first(defs, d -> d.value().description));
        out.append("enum ").append(typeName);
        joinTypes(out, defs);
        appendCommonDirectives(out, defs.stream().map(d -> new Src<>(d.graph(), d.value().directives)).toList());
        out.append("\n{\n");
        kept.forEach((name, sources) -> {
            description(out, "  ", first(sources, s -> description(s.value())));
            out.append("  ").append(name);
            sources.forEach(s -> out.append(" @join__enumValue(graph: ").append(graphIds.get(s.graph().name))
                    .append(')'));
            appendCommonDirectives(out, sources.stream().map(s -> new Src<>(s.graph(), s.value().getDirectives()))
                    .toList());
            out.append('\n');
        });
        out.append("}\n\n");
    }

    private void mergeInput(String typeName, List<Src<TypeDef>> defs, StringBuilder out) {
        Map<String, List<Src<InputValueDefinition>>> fields = new LinkedHashMap<>();
        for (Src<TypeDef> d : defs) {
            d.value().inputFields.values().forEach(f -> fields.computeIfAbsent(f.getName(), n -> new ArrayList<>())
                    .add(new Src<>(d.graph(), f)));
        }
        List<String> kept = new ArrayList<>();
        fields.forEach((name, present) -> {
            String merged = mergeInputValue(typeName + "." + name, "Input field", present, defs.size(),
                    defs.stream().map(Src::graph).toList(), "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH",
                    "FIELD_TYPE_MISMATCH", "INPUT_FIELD_DEFAULT_MISMATCH", "  ");
            if (merged != null) {
                kept.add(merged);
            }
        });
        if (kept.isEmpty()) {
            errors.add(new CompositionError("EMPTY_MERGED_INPUT_TYPE", "None of the fields of input object type \""
                    + typeName + "\" are consistently defined in all the subgraphs defining that type ("
                    + graphList(defs) + ")"));
            return;
        }
        description(out, "", first(defs, d -> d.value().description));
        out.append("input ").append(typeName);
        joinTypes(out, defs);
        appendCommonDirectives(out, defs.stream().map(d -> new Src<>(d.graph(), d.value().directives)).toList());
        out.append("\n{\n");
        kept.forEach(f -> out.append(f).append('\n'));
        out.append("}\n\n");
    }

    private void mergeScalar(String typeName, List<Src<TypeDef>> defs, StringBuilder out) {
        description(out, "", first(defs, d -> d.value().description));
        out.append("scalar ").append(typeName);
        joinTypes(out, defs);
        appendCommonDirectives(out, defs.stream().map(d -> new Src<>(d.graph(), d.value().directives)).toList());
        for (Src<TypeDef> d : defs) {
            for (Directive specified : d.value().directives) {
                if (specified.getName().equals("specifiedBy")) {
                    out.append("\n  ").append(AstPrinter.printAst(specified));
                    break;
                }
            }
        }
        out.append("\n\n");
    }

    private void joinTypes(StringBuilder out, List<Src<TypeDef>> defs) {
        for (Src<TypeDef> d : defs) {
            out.append("\n  @join__type(graph: ").append(graphIds.get(d.graph().name)).append(')');
        }
    }

    // ---- directives that reach the supergraph --------------------------------------------------------------------

    /**
     * {@code @deprecated} (first reason), {@code @inaccessible} (if any subgraph says so), every {@code @tag}, and
     * the demand-control directives {@code @cost}/{@code @listSize} merged as Apollo does (below).
     */
    private void appendCommonDirectives(StringBuilder out, List<Src<List<Directive>>> sources) {
        Directive deprecated = null;
        boolean inaccessible = false;
        Set<String> tags = new TreeSet<>();
        for (Src<List<Directive>> s : sources) {
            for (Directive d : s.value()) {
                if (d.getName().equals("deprecated") && deprecated == null) {
                    deprecated = d;
                }
            }
            inaccessible |= s.graph().hasDirective(s.value(), "inaccessible");
            for (Directive tag : s.graph().directives(s.value(), "tag")) {
                String name = SubgraphSchema.string(SubgraphSchema.argument(tag, "name"));
                if (name != null) {
                    tags.add(name);
                }
            }
        }
        if (deprecated != null) {
            out.append(' ').append(AstPrinter.printAst(deprecated));
        }
        if (inaccessible) {
            usesInaccessible = true;
            out.append(" @inaccessible");
        }
        for (String tag : tags) {
            usesTag = true;
            out.append(" @tag(name: ").append(quote(tag)).append(')');
        }
        String cost = CostDirectives.merged(sources);
        if (!cost.isEmpty()) {
            usesCost = true;
            out.append(cost);
        }
    }

    private String header(List<String> typeNames) {
        StringBuilder out = new StringBuilder("schema\n  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n")
                .append("  @link(url: \"https://specs.apollo.dev/join/v0.3\", for: EXECUTION)\n");
        if (usesInaccessible) {
            out.append("  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n");
        }
        if (usesTag) {
            out.append("  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n");
        }
        if (usesCost) {
            out.append(CostDirectives.LINK);
        }
        out.append("{\n");
        for (String root : ROOTS) {
            if (typeNames.contains(root)) {
                out.append("  ").append(root.toLowerCase(Locale.ROOT)).append(": ").append(root).append('\n');
            }
        }
        out.append("}\n\n");
        if (usesInaccessible) {
            out.append(INACCESSIBLE_DIRECTIVE).append('\n');
        }
        out.append(PRELUDE_DIRECTIVES).append('\n');
        if (usesTag) {
            out.append(TAG_DIRECTIVE).append('\n');
        }
        if (usesCost) {
            out.append(CostDirectives.DEFINITIONS).append('\n');
        }
        for (DirectiveDefinition d : executableDirectives()) {
            out.append(AstPrinter.printAst(d.transform(b -> b.description(null)))).append("\n\n");
        }
        out.append("enum join__Graph {\n");
        for (SubgraphSchema g : graphs) {
            out.append("  ").append(graphIds.get(g.name)).append(" @join__graph(name: ").append(quote(g.name))
                    .append(", url: ").append(quote(g.url)).append(")\n");
        }
        out.append("}\n\nscalar join__FieldSet\n\nscalar link__Import\n\nenum link__Purpose {\n")
                .append("  \"`SECURITY` features provide metadata necessary to securely access fields.\"\n")
                .append("  SECURITY\n\n")
                .append("  \"`EXECUTION` features provide metadata necessary for operation execution.\"\n")
                .append("  EXECUTION\n}\n\n");
        return out.toString();
    }

    /** Executable directives (used in operations) that every subgraph defines alike pass through. */
    private List<DirectiveDefinition> executableDirectives() {
        List<DirectiveDefinition> out = new ArrayList<>();
        for (DirectiveDefinition d : graphs.get(0).executableDirectives.values()) {
            String printed = AstPrinter.printAst(d.transform(b -> b.description(null)));
            boolean everywhere = graphs.stream().allMatch(g -> g.executableDirectives.containsKey(d.getName())
                    && AstPrinter.printAst(g.executableDirectives.get(d.getName()).transform(b -> b.description(null)))
                    .equals(printed));
            if (everywhere) {
                out.add(d);
            }
        }
        return out;
    }

    // ---- printing helpers ---------------------------------------------------------------------------------------

    private static String description(FieldDefinition f) {
        return f.getDescription() == null ? null : f.getDescription().getContent();
    }

    private static String description(InputValueDefinition v) {
        return v.getDescription() == null ? null : v.getDescription().getContent();
    }

    private static String description(EnumValueDefinition v) {
        return v.getDescription() == null ? null : v.getDescription().getContent();
    }

    private static <T> String first(List<T> sources, Function<T, String> description) {
        return sources.stream().map(description).filter(Objects::nonNull).filter(d -> !d.isBlank()).findFirst()
                .orElse(null);
    }

    private static void description(StringBuilder out, String indent, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (!text.contains("\n")) {
            out.append(indent).append(quote(text)).append('\n');
            return;
        }
        out.append(indent).append("\"\"\"\n");
        for (String line : text.split("\n", -1)) {
            out.append(indent).append(line.replace("\"\"\"", "\\\"\"\"")).append('\n');
        }
        out.append(indent).append("\"\"\"\n");
    }

    private static String print(Type<?> type) {
        return AstPrinter.printAst(type);
    }

    private static <T> String graphList(List<Src<T>> sources) {
        List<String> names = sources.stream().map(s -> "\"" + s.graph().name + "\"").distinct().toList();
        if (names.size() == 1) {
            return "subgraph " + names.get(0);
        }
        return "subgraphs " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1);
    }

    static String quote(String s) {
        if (s == null) {
            return "\"\"";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
