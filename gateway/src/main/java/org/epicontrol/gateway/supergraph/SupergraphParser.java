package org.epicontrol.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NamedNode;
import graphql.language.NonNullType;
import graphql.language.ObjectField;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectValue;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
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
import org.epicontrol.gateway.access.AccessDirectivesReader;

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
        return new Supergraph(subgraphs, types, api, queryType, mutationType,
                AccessDirectivesReader.read(doc, api));
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
                    String url = str(arg(dir, "url"));
                    if (url == null) {
                        url = str(arg(dir, "feature")); // @core(feature:) of older supergraphs
                    }
                    if (url == null) {
                        continue;
                    }
                    names.add(dir.getName()); // @link / @core itself
                    String spec = specName(url);
                    String as = str(arg(dir, "as"));
                    String local = as != null ? as : spec;
                    if (!url.contains("specs.apollo.dev")) {
                        continue; // custom composed directives stay in the API
                    }
                    names.add(local);
                    prefixes.add(local + "__");
                    if (spec.equals("join")) {
                        join = local;
                    }
                    if (spec.equals("inaccessible")) {
                        inaccessible = local;
                    }
                    Value<?> imports = arg(dir, "import");
                    if (imports instanceof ArrayValue av) {
                        for (Value<?> v : av.getValues()) {
                            String imported = str(v);
                            String importedAs = imported;
                            if (v instanceof ObjectValue ov) {
                                for (ObjectField of : ov.getObjectFields()) {
                                    if (of.getName().equals("name")) {
                                        imported = str(of.getValue());
                                    } else if (of.getName().equals("as")) {
                                        importedAs = str(of.getValue());
                                    }
                                }
                                if (importedAs == null) {
                                    importedAs = imported;
                                }
                            }
                            if (importedAs != null) {
                                String n = importedAs.startsWith("@") ? importedAs.substring(1) : importedAs;
                                names.add(n);
                                if (spec.equals("inaccessible") && imported != null
                                        && imported.equals("@inaccessible")) {
                                    inaccessible = n;
                                }
                                if (spec.equals("cost") && "@cost".equals(imported)) {
                                    cost = n;
                                }
                                if (spec.equals("cost") && "@listSize".equals(imported)) {
                                    listSize = n;
                                }
                            }
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

    private static String specName(String url) {
        String[] parts = url.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].matches("v\\d+(\\.\\d+)*")) {
                return parts[i];
            }
        }
        return url;
    }

    private static Map<String, Subgraph> readGraphs(Document doc, Features f) {
        Map<String, Subgraph> out = new LinkedHashMap<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof EnumTypeDefinition e && e.getName().equals(f.d("Graph"))) {
                for (EnumValueDefinition v : e.getEnumValueDefinitions()) {
                    Directive g = v.getDirectives(f.d("graph")).stream().findFirst().orElse(null);
                    String name = g == null ? v.getName().toLowerCase() : str(arg(g, "name"));
                    String url = g == null ? null : str(arg(g, "url"));
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
                    t.addImplements(str(arg(imp, "graph")), str(arg(imp, "interface")));
                }
            } else if (d instanceof InterfaceTypeDefinition i) {
                TypeMeta t = types.computeIfAbsent(i.getName(), n -> new TypeMeta(n, TypeMeta.Kind.INTERFACE));
                readJoinTypes(t, i, f);
                readFields(t, i.getFieldDefinitions(), f);
                t.cost = costOf(i, f);
                for (Directive imp : i.getDirectives(f.d("implements"))) {
                    t.addImplements(str(arg(imp, "graph")), str(arg(imp, "interface")));
                }
            } else if (d instanceof UnionTypeDefinition u) {
                TypeMeta t = types.computeIfAbsent(u.getName(), n -> new TypeMeta(n, TypeMeta.Kind.UNION));
                readJoinTypes(t, u, f);
                for (Directive m : u.getDirectives(f.d("unionMember"))) {
                    t.addMember(str(arg(m, "graph")), str(arg(m, "member")));
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
            String graph = str(arg(jt, "graph"));
            TypeMeta.InGraph prev = t.graphs.get(graph);
            List<TypeMeta.Key> keys = prev == null ? new ArrayList<>() : new ArrayList<>(prev.keys());
            String key = str(arg(jt, "key"));
            if (key != null) {
                keys.add(new TypeMeta.Key(key, FieldSets.parse(key), bool(arg(jt, "resolvable"), true)));
            }
            boolean extension = bool(arg(jt, "extension"), false) || prev != null && prev.extension();
            boolean ifaceObject = bool(arg(jt, "isInterfaceObject"), false) || prev != null && prev.interfaceObject();
            t.graphs.put(graph, new TypeMeta.InGraph(graph, List.copyOf(keys), extension, ifaceObject));
        }
    }

    private static void readFields(TypeMeta t, List<FieldDefinition> fields, Features f) {
        for (FieldDefinition fd : fields) {
            Map<String, TypeMeta.FieldInGraph> graphs = new LinkedHashMap<>();
            boolean graphLess = false;
            for (Directive jf : fd.getDirectives(f.d("field"))) {
                String graph = str(arg(jf, "graph"));
                if (graph == null) {
                    graphLess = true; // not resolved by any subgraph's own schema (comes from an @interfaceObject)
                    continue;
                }
                String requires = str(arg(jf, "requires"));
                String type = str(arg(jf, "type"));
                String provides = str(arg(jf, "provides"));
                graphs.put(graph, new TypeMeta.FieldInGraph(graph,
                        requires == null ? null : FieldSets.parse(requires),
                        provides == null ? null : FieldSets.parse(provides),
                        bool(arg(jf, "external"), false), bool(arg(jf, "usedOverridden"), false),
                        str(arg(jf, "override")), type == null ? null : parseType(type)));
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
        Integer weight = cost == null ? null : integer(arg(cost, "weight"));
        if (cost != null && weight == null) {
            weight = parseWeight(str(arg(cost, "weight"))); // the IBM spec declares weight a String
        }
        return listSize == null ? new CostDirectives(weight, null, List.of(), List.of())
                : new CostDirectives(weight, integer(arg(listSize, "assumedSize")),
                        strings(arg(listSize, "slicingArguments")), strings(arg(listSize, "sizedFields")));
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
        return v instanceof IntValue i ? i.getValue().intValueExact() : null;
    }

    /** A [String] argument (or a single String, as input coercion allows), empty when absent. */
    public static List<String> strings(Value<?> v) {
        if (v instanceof ArrayValue a) {
            return a.getValues().stream().map(SupergraphParser::str).filter(x -> x != null).toList();
        }
        String single = str(v);
        return single == null ? List.of() : List.of(single);
    }

    private static Type<?> parseType(String type) {
        try {
            return Parser.parseType(type);
        } catch (InvalidSyntaxException e) {
            throw new InvalidSupergraphException("invalid @join__field type \"" + type + "\"", e);
        }
    }

    public static String namedType(Type<?> type) {
        if (type instanceof NonNullType nn) {
            return namedType(nn.getType());
        }
        if (type instanceof ListType lt) {
            return namedType(lt.getType());
        }
        return ((TypeName) type).getName();
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

    // ---- argument helpers --------------------------------------------------------------------------------------

    static Value<?> arg(Directive d, String name) {
        Argument a = d.getArgument(name);
        return a == null ? null : a.getValue();
    }

    static String str(Value<?> v) {
        if (v instanceof StringValue s) {
            return s.getValue();
        }
        if (v instanceof EnumValue e) {
            return e.getName();
        }
        return null;
    }

    static boolean bool(Value<?> v, boolean dflt) {
        return v instanceof BooleanValue b ? b.isValue() : dflt;
    }
}
