package org.epicontrol.gateway.supergraph;

import static org.epicontrol.gateway.supergraph.DirectiveArguments.argument;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.bool;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.name;

import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NamedNode;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a supergraph SDL as Apollo composition writes it ({@code @link} + {@code join__*}) into a {@link Supergraph}:
 * the join metadata from the full document, and the API schema with federation internals and {@code @inaccessible}
 * elements removed.
 */
public final class SupergraphParser {

    private static final Set<String> BUILT_IN_DIRECTIVES = Set.of("deprecated", "specifiedBy", "oneOf", "skip",
            "include", "defer", "experimental_disableErrorPropagation");

    private SupergraphParser() {
    }

    /** Thrown with a readable message when the file is no usable supergraph. */
    public static final class InvalidSupergraphException extends RuntimeException {
        public InvalidSupergraphException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Supergraph parse(String sdl) {
        Document doc;
        try {
            // Supergraphs are large and trusted: no token limits.
            ParserOptions options = ParserOptions.getDefaultSdlParserOptions().transform(
                    b -> b.maxTokens(Integer.MAX_VALUE).maxCharacters(Integer.MAX_VALUE)
                            .maxWhitespaceTokens(Integer.MAX_VALUE).maxRuleDepth(Integer.MAX_VALUE));
            doc = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                    .document(sdl).parserOptions(options).build());
        } catch (InvalidSyntaxException e) {
            throw new InvalidSupergraphException("supergraph is not valid SDL: " + e.getMessage(), e);
        }
        Features features = Features.of(doc);
        Map<String, Subgraph> subgraphs = readGraphs(doc, features);
        if (subgraphs.isEmpty()) {
            throw new InvalidSupergraphException("supergraph has no join__Graph values: is it a supergraph?", null);
        }
        Map<String, TypeMeta> types = readTypes(doc, features);
        String queryType = "Query";
        String mutationType = null;
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof SchemaDefinition sd) {
                for (OperationTypeDefinition otd : sd.getOperationTypeDefinitions()) {
                    if (otd.getName().equals("query")) {
                        queryType = otd.getTypeName().getName();
                    } else if (otd.getName().equals("mutation")) {
                        mutationType = otd.getTypeName().getName();
                    }
                }
            }
        }
        if (mutationType == null && types.containsKey("Mutation")) {
            mutationType = "Mutation";
        }
        GraphQLSchema api;
        try {
            api = buildApiSchema(doc, features);
        } catch (SchemaProblem e) {
            throw new InvalidSupergraphException("API schema of the supergraph is invalid: " + e.getMessage(), e);
        }
        return new Supergraph(subgraphs, types, api, queryType, mutationType);
    }

    /** The names that {@code @link}ed Apollo specs own, so they can be told apart from the API. */
    record Features(String join, Set<String> ownedNames, Set<String> ownedPrefixes, String inaccessible,
                    String cost, String listSize) {

        static Features of(Document doc) {
            String join = "join";
            String inaccessible = "inaccessible";
            String cost = "cost";
            String listSize = "listSize";
            Set<String> names = new HashSet<>();
            Set<String> prefixes = new HashSet<>();
            for (Definition<?> d : doc.getDefinitions()) {
                if (!(d instanceof SchemaDefinition sd)) {
                    continue;
                }
                for (Directive dir : sd.getDirectives()) {
                    LinkSpec link = LinkSpec.read(dir);
                    if (link == null) {
                        continue;
                    }
                    names.add(dir.getName()); // @link / @core itself
                    if (!link.isApolloSpec()) {
                        continue; // custom composed directives stay in the API
                    }
                    names.add(link.local());
                    prefixes.add(link.prefix());
                    names.addAll(link.imports().values());
                    switch (link.spec()) {
                        case "join" -> join = link.local();
                        case "inaccessible" -> inaccessible = link.directive("inaccessible");
                        case "cost" -> {
                            cost = link.directive("cost");
                            listSize = link.imports().getOrDefault("@listSize", listSize);
                        }
                        default -> {
                        }
                    }
                }
            }
            // Supergraphs always carry these even when a @link is missing.
            prefixes.add("join__");
            prefixes.add("link__");
            prefixes.add("core__");
            return new Features(join, names, prefixes, inaccessible, cost, listSize);
        }

        boolean owns(String name) {
            if (ownedNames.contains(name)) {
                return true;
            }
            for (String p : ownedPrefixes) {
                if (name.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        String d(String local) {
            return join + "__" + local;
        }
    }

    private static Map<String, Subgraph> readGraphs(Document doc, Features f) {
        Map<String, Subgraph> out = new LinkedHashMap<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof EnumTypeDefinition e && e.getName().equals(f.d("Graph"))) {
                for (EnumValueDefinition v : e.getEnumValueDefinitions()) {
                    Directive g = v.getDirectives(f.d("graph")).stream().findFirst().orElse(null);
                    String name = g == null ? v.getName().toLowerCase() : name(argument(g, "name"));
                    String url = g == null ? null : name(argument(g, "url"));
                    out.put(v.getName(), new Subgraph(v.getName(), name, url == null ? "" : url));
                }
            }
        }
        return out;
    }

    private static Map<String, TypeMeta> readTypes(Document doc, Features f) {
        Map<String, TypeMeta> types = new LinkedHashMap<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof ObjectTypeDefinition o) {
                TypeMeta t = types.computeIfAbsent(o.getName(), n -> new TypeMeta(n, TypeMeta.Kind.OBJECT));
                readJoinTypes(t, o, f);
                readFields(t, o.getFieldDefinitions(), f);
                t.cost = costOf(o, f);
                for (Directive imp : o.getDirectives(f.d("implements"))) {
                    t.addImplements(name(argument(imp, "graph")), name(argument(imp, "interface")));
                }
            } else if (d instanceof InterfaceTypeDefinition i) {
                TypeMeta t = types.computeIfAbsent(i.getName(), n -> new TypeMeta(n, TypeMeta.Kind.INTERFACE));
                readJoinTypes(t, i, f);
                readFields(t, i.getFieldDefinitions(), f);
                t.cost = costOf(i, f);
                for (Directive imp : i.getDirectives(f.d("implements"))) {
                    t.addImplements(name(argument(imp, "graph")), name(argument(imp, "interface")));
                }
            } else if (d instanceof UnionTypeDefinition u) {
                TypeMeta t = types.computeIfAbsent(u.getName(), n -> new TypeMeta(n, TypeMeta.Kind.UNION));
                readJoinTypes(t, u, f);
                for (Directive m : u.getDirectives(f.d("unionMember"))) {
                    t.addMember(name(argument(m, "graph")), name(argument(m, "member")));
                }
            } else if (d instanceof EnumTypeDefinition e && !f.owns(e.getName())) {
                types.computeIfAbsent(e.getName(), n -> new TypeMeta(n, TypeMeta.Kind.OTHER)).cost = costOf(e, f);
            } else if (d instanceof ScalarTypeDefinition s && !f.owns(s.getName())) {
                types.computeIfAbsent(s.getName(), n -> new TypeMeta(n, TypeMeta.Kind.OTHER)).cost = costOf(s, f);
            } else if (d instanceof InputObjectTypeDefinition in) {
                types.putIfAbsent(in.getName(), new TypeMeta(in.getName(), TypeMeta.Kind.OTHER));
            }
        }
        return types;
    }

    private static void readJoinTypes(TypeMeta t, DirectivesContainer<?> def, Features f) {
        for (Directive jt : def.getDirectives(f.d("type"))) {
            String graph = name(argument(jt, "graph"));
            TypeMeta.InGraph prev = t.graphs.get(graph);
            List<TypeMeta.Key> keys = prev == null ? new ArrayList<>() : new ArrayList<>(prev.keys());
            String key = name(argument(jt, "key"));
            if (key != null) {
                keys.add(new TypeMeta.Key(key, FieldSets.parse(key), bool(argument(jt, "resolvable"), true)));
            }
            boolean extension = bool(argument(jt, "extension"), false) || prev != null && prev.extension();
            boolean ifaceObject = bool(argument(jt, "isInterfaceObject"), false) || prev != null && prev.interfaceObject();
            t.graphs.put(graph, new TypeMeta.InGraph(graph, List.copyOf(keys), extension, ifaceObject));
        }
    }

    private static void readFields(TypeMeta t, List<FieldDefinition> fields, Features f) {
        for (FieldDefinition fd : fields) {
            Map<String, TypeMeta.FieldInGraph> graphs = new LinkedHashMap<>();
            boolean graphLess = false;
            for (Directive jf : fd.getDirectives(f.d("field"))) {
                String graph = name(argument(jf, "graph"));
                if (graph == null) {
                    graphLess = true; // not resolved by any subgraph's own schema (comes from an @interfaceObject)
                    continue;
                }
                String requires = name(argument(jf, "requires"));
                String type = name(argument(jf, "type"));
                String provides = name(argument(jf, "provides"));
                graphs.put(graph, new TypeMeta.FieldInGraph(graph,
                        requires == null ? null : FieldSets.parse(requires),
                        provides == null ? null : FieldSets.parse(provides),
                        bool(argument(jf, "external"), false), bool(argument(jf, "usedOverridden"), false),
                        name(argument(jf, "override")), type == null ? null : parseType(type)));
            }
            t.fields.put(fd.getName(), new TypeMeta.FieldMeta(fd.getName(), fd.getType(),
                    namedType(fd.getType()), graphs, graphLess && graphs.isEmpty()));
            CostDirectives cost = costOf(fd, f);
            if (cost != CostDirectives.NONE) {
                t.fieldCosts.put(fd.getName(), cost);
            }
        }
    }

    /** {@code @cost} and {@code @listSize} (under their local names) of a type or field definition. */
    private static CostDirectives costOf(DirectivesContainer<?> def, Features f) {
        Directive cost = def.getDirectives(f.cost()).stream().findFirst().orElse(null);
        Directive listSize = def.getDirectives(f.listSize()).stream().findFirst().orElse(null);
        if (cost == null && listSize == null) {
            return CostDirectives.NONE;
        }
        Integer weight = cost == null ? null : integer(argument(cost, "weight"));
        if (cost != null && weight == null) {
            weight = parseWeight(name(argument(cost, "weight"))); // the IBM spec declares weight a String
        }
        return listSize == null ? new CostDirectives(weight, null, List.of(), List.of())
                : new CostDirectives(weight, integer(argument(listSize, "assumedSize")),
                        strings(argument(listSize, "slicingArguments")), strings(argument(listSize, "sizedFields")));
    }

    private static Integer parseWeight(String weight) {
        try {
            return weight == null ? null : (int) Math.round(Double.parseDouble(weight));
        } catch (NumberFormatException e) {
            throw new InvalidSupergraphException("invalid @cost weight \"" + weight + "\"", e);
        }
    }

    /** An Int argument, or null. */
    public static Integer integer(Value<?> v) {
        return DirectiveArguments.integer(v);
    }

    /** A [String] argument (or a single String, as input coercion allows), empty when absent. */
    public static List<String> strings(Value<?> v) {
        return DirectiveArguments.strings(v);
    }

    private static Type<?> parseType(String type) {
        try {
            return Parser.parseType(type);
        } catch (InvalidSyntaxException e) {
            throw new InvalidSupergraphException("invalid @join__field type \"" + type + "\"", e);
        }
    }

    public static String namedType(Type<?> type) {
        return DirectiveArguments.namedType(type);
    }

    // ---- API schema -------------------------------------------------------------------------------------------

    private static GraphQLSchema buildApiSchema(Document doc, Features f) {
        String inaccessible = f.inaccessible();
        Set<String> removedTypes = new HashSet<>();
        Set<String> keptDirectives = new HashSet<>(BUILT_IN_DIRECTIVES);
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof DirectiveDefinition dd && !f.owns(dd.getName())) {
                keptDirectives.add(dd.getName());
            }
            if (d instanceof NamedNode<?> n && d instanceof DirectivesContainer<?> dc
                    && !(d instanceof DirectiveDefinition)
                    && (f.owns(n.getName()) || dc.hasDirective(inaccessible))) {
                removedTypes.add(n.getName());
            }
        }
        List<Definition> kept = new ArrayList<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof SchemaDefinition sd) {
                kept.add(sd.transform(b -> b.directives(List.of())));
            } else if (d instanceof DirectiveDefinition dd) {
                if (!f.owns(dd.getName())) {
                    kept.add(dd);
                }
            } else if (d instanceof NamedNode<?> n && removedTypes.contains(n.getName())) {
                continue;
            } else if (d instanceof ObjectTypeDefinition o) {
                kept.add(o.transform(b -> b
                        .directives(keep(o.getDirectives(), keptDirectives))
                        .implementz(o.getImplements().stream()
                                .filter(i -> !removedTypes.contains(namedType(i))).toList())
                        .fieldDefinitions(apiFields(o.getFieldDefinitions(), inaccessible, keptDirectives))));
            } else if (d instanceof InterfaceTypeDefinition i) {
                kept.add(i.transform(b -> b
                        .directives(keep(i.getDirectives(), keptDirectives))
                        .implementz(i.getImplements().stream()
                                .filter(x -> !removedTypes.contains(namedType(x))).toList())
                        .definitions(apiFields(i.getFieldDefinitions(), inaccessible, keptDirectives))));
            } else if (d instanceof UnionTypeDefinition u) {
                kept.add(u.transform(b -> b
                        .directives(keep(u.getDirectives(), keptDirectives))
                        .memberTypes(u.getMemberTypes().stream()
                                .filter(m -> !removedTypes.contains(namedType(m))).toList())));
            } else if (d instanceof EnumTypeDefinition e) {
                kept.add(e.transform(b -> b
                        .directives(keep(e.getDirectives(), keptDirectives))
                        .enumValueDefinitions(e.getEnumValueDefinitions().stream()
                                .filter(v -> !v.hasDirective(inaccessible))
                                .map(v -> v.transform(vb -> vb.directives(keep(v.getDirectives(), keptDirectives))))
                                .toList())));
            } else if (d instanceof InputObjectTypeDefinition in) {
                kept.add(in.transform(b -> b
                        .directives(keep(in.getDirectives(), keptDirectives))
                        .inputValueDefinitions(apiInputs(in.getInputValueDefinitions(), inaccessible,
                                keptDirectives))));
            } else if (d instanceof ScalarTypeDefinition s) {
                kept.add(s.transform(b -> b.directives(keep(s.getDirectives(), keptDirectives))));
            }
        }
        TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(
                Document.newDocument().definitions(kept).build());
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    private static List<FieldDefinition> apiFields(List<FieldDefinition> fields, String inaccessible,
                                                   Set<String> keptDirectives) {
        return fields.stream()
                .filter(fd -> !fd.hasDirective(inaccessible))
                .map(fd -> fd.transform(b -> b
                        .directives(keep(fd.getDirectives(), keptDirectives))
                        .inputValueDefinitions(apiInputs(fd.getInputValueDefinitions(), inaccessible,
                                keptDirectives))))
                .toList();
    }

    private static List<InputValueDefinition> apiInputs(List<InputValueDefinition> inputs, String inaccessible,
                                                        Set<String> keptDirectives) {
        return inputs.stream()
                .filter(iv -> !iv.hasDirective(inaccessible))
                .map(iv -> iv.transform(b -> b.directives(keep(iv.getDirectives(), keptDirectives))))
                .toList();
    }

    private static List<Directive> keep(List<Directive> directives, Set<String> keptDirectives) {
        return directives.stream().filter(d -> keptDirectives.contains(d.getName())).toList();
    }
}
