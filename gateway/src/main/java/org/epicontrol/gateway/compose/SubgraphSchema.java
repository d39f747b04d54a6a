package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.supergraph.DirectiveArguments.argument;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.namedType;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.string;

import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectiveLocation;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumTypeExtensionDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputObjectTypeExtensionDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.InterfaceTypeExtensionDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.ScalarTypeExtensionDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.UnionTypeExtensionDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.supergraph.LinkSpec;

/**
 * One subgraph's SDL reduced to what composition needs: its own types (root types under their standard names,
 * {@code extend} blocks folded into one definition per type), with the federation machinery removed
 * ({@code _service}, {@code _entities}, {@code _Any}, {@code FieldSet}, link and federation directive definitions),
 * and the local names of the federation directives as its {@code @link} imports them.
 */
final class SubgraphSchema {

    enum Kind {
        OBJECT("object type"), INTERFACE("interface type"), UNION("union type"), ENUM("enum type"),
        INPUT("input object type"), SCALAR("scalar type");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One type as this subgraph defines it (all its definitions and extensions together). */
    static final class TypeDef {
        final String name;
        final Kind kind;
        /** Only {@code extend}ed (or {@code @extends}) in this subgraph: {@code join__type(extension: true)}. */
        boolean extension = true;
        String description;
        final List<Directive> directives = new ArrayList<>();
        final Map<String, FieldDefinition> fields = new LinkedHashMap<>();
        final Map<String, InputValueDefinition> inputFields = new LinkedHashMap<>();
        final Set<String> interfaces = new LinkedHashSet<>();
        final Set<String> members = new LinkedHashSet<>();
        final Map<String, EnumValueDefinition> values = new LinkedHashMap<>();

        TypeDef(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");

    private static final List<String> FEDERATION_DIRECTIVES = List.of("key", "shareable", "external", "requires",
            "provides", "override", "inaccessible", "tag", "extends", "interfaceObject", "composeDirective",
            "authenticated", "requiresScopes", "policy", "context", "fromContext", "cost", "listSize");
    private static final List<String> ACCESS_DIRECTIVES = List.of("authenticated", "requiresScopes", "policy");
    private static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");
    private static final Set<String> BUILT_IN_DIRECTIVES = Set.of("skip", "include", "deprecated", "specifiedBy",
            "oneOf", "defer", "stream");
    private static final Set<String> EXECUTABLE_LOCATIONS = Set.of("QUERY", "MUTATION", "SUBSCRIPTION", "FIELD",
            "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION");

    final String name;
    final String url;
    final Map<String, TypeDef> types = new LinkedHashMap<>();
    /** Executable directive definitions (the only custom directives composition keeps). */
    final Map<String, DirectiveDefinition> executableDirectives = new LinkedHashMap<>();
    /** The federation {@code @link}: the names this SDL uses for its directives and types. */
    private LinkSpec federation;
    /** Access directives this SDL defines and applies under their bare names without importing them (below). */
    private final Set<String> bareAccessDirectives = new HashSet<>();

    private SubgraphSchema(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** Parses and normalises one subgraph; problems go to {@code errors}, then the answer is null. */
    static SubgraphSchema parse(SubgraphSdl input, List<CompositionError> errors) {
        String label = "[" + input.name() + "] ";
        if (input.sdl() == null || input.sdl().isBlank()) {
            errors.add(new CompositionError("INVALID_GRAPHQL", label + "the subgraph's SDL is empty"));
            return null;
        }
        Document doc;
        try {
            ParserOptions options = ParserOptions.getDefaultSdlParserOptions().transform(
                    b -> b.maxTokens(Integer.MAX_VALUE).maxCharacters(Integer.MAX_VALUE)
                            .maxWhitespaceTokens(Integer.MAX_VALUE).maxRuleDepth(Integer.MAX_VALUE));
            doc = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                    .document(input.sdl()).parserOptions(options).build());
        } catch (InvalidSyntaxException e) {
            errors.add(new CompositionError("INVALID_GRAPHQL", label + "the SDL is not valid GraphQL: "
                    + e.getMessage()));
            return null;
        }
        SubgraphSchema schema = new SubgraphSchema(input.name(), input.url() == null ? "" : input.url());
        Map<String, String> roots = new HashMap<>();
        boolean federation2 = false;
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof SchemaDefinition sd) {
                for (OperationTypeDefinition op : sd.getOperationTypeDefinitions()) {
                    roots.put(op.getTypeName().getName(), capitalize(op.getName()));
                }
                for (Directive link : sd.getDirectives("link")) {
                    federation2 |= schema.readFederationLink(link);
                }
            }
        }
        if (!federation2) {
            errors.add(new CompositionError("UNSUPPORTED_FEDERATION_VERSION", label + "the schema has no "
                    + "@link(url: \"https://specs.apollo.dev/federation/v2.x\"); only Federation 2 subgraphs compose"));
            return null;
        }
        schema.readBareAccessDirectives(doc);
        schema.readTypes(doc, roots);
        return schema;
    }

    /** Reads a federation {@code @link}; false for links to other specs. */
    private boolean readFederationLink(Directive link) {
        LinkSpec spec = LinkSpec.read(link);
        if (spec == null || !spec.isApolloSpec() || !spec.spec().equals("federation") || spec.version() == null
                || !(spec.version().equals("v2") || spec.version().startsWith("v2."))) {
            return false;
        }
        federation = spec;
        return true;
    }

    /**
     * SmallRye GraphQL prints {@code directive @authenticated}, {@code @requiresScopes} and {@code @policy} under
     * their bare names whether or not its {@code @link} imports them: where the SDL defines such a directive under
     * its bare name and not under the federation prefix, the bare name is taken as the federation directive.
     */
    private void readBareAccessDirectives(Document doc) {
        Set<String> defined = new HashSet<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof DirectiveDefinition dd) {
                defined.add(dd.getName());
            }
        }
        for (String access : ACCESS_DIRECTIVES) {
            if (!federation.imports().containsKey("@" + access) && defined.contains(access)
                    && !defined.contains(federation.directive(access))) {
                bareAccessDirectives.add(access);
            }
        }
    }

    private void readTypes(Document doc, Map<String, String> roots) {
        Map<String, DirectiveDefinition> droppedDirectives = new HashMap<>();
        Set<String> federationNames = new HashSet<>();
        FEDERATION_DIRECTIVES.forEach(d -> federationNames.add(local(d)));
        federationNames.add("link");
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof DirectiveDefinition dd) {
                boolean executable = !dd.getDirectiveLocations().isEmpty() && dd.getDirectiveLocations().stream()
                        .map(DirectiveLocation::getName).allMatch(EXECUTABLE_LOCATIONS::contains);
                if (executable && !federationNames.contains(dd.getName())
                        && !BUILT_IN_DIRECTIVES.contains(dd.getName())) {
                    executableDirectives.put(dd.getName(), dd);
                } else {
                    droppedDirectives.put(dd.getName(), dd);
                }
            } else if (d instanceof ObjectTypeDefinition o) {
                String typeName = roots.getOrDefault(o.getName(), o.getName());
                TypeDef t = type(typeName, Kind.OBJECT, o instanceof ObjectTypeExtensionDefinition, o.getDescription(),
                        o.getDirectives());
                for (FieldDefinition f : o.getFieldDefinitions()) {
                    boolean federationField = typeName.equals("Query")
                            && (f.getName().equals("_service") || f.getName().equals("_entities"));
                    if (!federationField) {
                        t.fields.put(f.getName(), renameRoots(f, roots));
                    }
                }
                o.getImplements().forEach(i -> t.interfaces.add(namedType(i)));
            } else if (d instanceof InterfaceTypeDefinition i) {
                TypeDef t = type(i.getName(), Kind.INTERFACE, i instanceof InterfaceTypeExtensionDefinition,
                        i.getDescription(), i.getDirectives());
                i.getFieldDefinitions().forEach(f -> t.fields.put(f.getName(), renameRoots(f, roots)));
                i.getImplements().forEach(x -> t.interfaces.add(namedType(x)));
            } else if (d instanceof UnionTypeDefinition u) {
                TypeDef t = type(u.getName(), Kind.UNION, u instanceof UnionTypeExtensionDefinition, u.getDescription(),
                        u.getDirectives());
                u.getMemberTypes().forEach(m -> t.members.add(namedType(m)));
            } else if (d instanceof EnumTypeDefinition e) {
                TypeDef t = type(e.getName(), Kind.ENUM, e instanceof EnumTypeExtensionDefinition, e.getDescription(),
                        e.getDirectives());
                e.getEnumValueDefinitions().forEach(v -> t.values.put(v.getName(), v));
            } else if (d instanceof InputObjectTypeDefinition in) {
                TypeDef t = type(in.getName(), Kind.INPUT, in instanceof InputObjectTypeExtensionDefinition,
                        in.getDescription(), in.getDirectives());
                in.getInputValueDefinitions().forEach(v -> t.inputFields.put(v.getName(), v));
            } else if (d instanceof ScalarTypeDefinition s && !BUILT_IN_SCALARS.contains(s.getName())) {
                type(s.getName(), Kind.SCALAR, s instanceof ScalarTypeExtensionDefinition, s.getDescription(),
                        s.getDirectives());
            }
        }
        // The machinery every subgraph library adds; none of it belongs in the supergraph's API.
        types.keySet().removeIf(n -> n.equals("_Service") || n.equals("_Entity") || n.equals("_Any")
                || n.equals("_FieldSet") || n.equals(federation.type("FieldSet")) || n.startsWith("link__")
                || n.startsWith(federation.prefix()));
        dropTypesOnlyUsedBy(droppedDirectives.values());
    }

    /**
     * Types that only dropped directive definitions use (e.g. SmallRye's {@code Policy} and {@code Scope} scalars
     * of {@code @policy}/{@code @requiresScopes}, {@code BigInteger} of {@code @constraint}) go with them.
     */
    private void dropTypesOnlyUsedBy(Iterable<DirectiveDefinition> dropped) {
        Set<String> candidates = new HashSet<>();
        for (DirectiveDefinition dd : dropped) {
            dd.getInputValueDefinitions().forEach(a -> candidates.add(namedType(a.getType())));
        }
        candidates.retainAll(types.keySet());
        boolean changed = true;
        while (changed && !candidates.isEmpty()) {
            Set<String> used = new HashSet<>();
            for (TypeDef t : types.values()) {
                if (candidates.contains(t.name)) {
                    continue;
                }
                for (FieldDefinition f : t.fields.values()) {
                    used.add(namedType(f.getType()));
                    f.getInputValueDefinitions().forEach(a -> used.add(namedType(a.getType())));
                }
                t.inputFields.values().forEach(v -> used.add(namedType(v.getType())));
                used.addAll(t.members);
                used.addAll(t.interfaces);
            }
            for (DirectiveDefinition dd : executableDirectives.values()) {
                dd.getInputValueDefinitions().forEach(a -> used.add(namedType(a.getType())));
            }
            changed = candidates.removeIf(used::contains);
        }
        types.keySet().removeAll(candidates);
    }

    private TypeDef type(String typeName, Kind kind, boolean extension, Description description,
                         List<Directive> directives) {
        TypeDef t = types.computeIfAbsent(typeName, n -> new TypeDef(n, kind));
        if (t.kind != kind) {
            // Two kinds under one name in one subgraph: its own schema is invalid; keep the first.
            return new TypeDef(typeName, kind);
        }
        if (!extension && !hasDirective(directives, "extends")) {
            t.extension = false;
        }
        if (t.description == null && description != null && !description.getContent().isBlank()) {
            t.description = description.getContent();
        }
        t.directives.addAll(directives);
        return t;
    }

    private static FieldDefinition renameRoots(FieldDefinition f, Map<String, String> roots) {
        if (roots.isEmpty()) {
            return f;
        }
        return f.transform(b -> b.type(rename(f.getType(), roots)));
    }

    private static Type<?> rename(Type<?> type, Map<String, String> roots) {
        if (type instanceof NonNullType nn) {
            return NonNullType.newNonNullType(rename(nn.getType(), roots)).build();
        }
        if (type instanceof ListType lt) {
            return ListType.newListType(rename(lt.getType(), roots)).build();
        }
        String n = ((TypeName) type).getName();
        return roots.containsKey(n) ? TypeName.newTypeName(roots.get(n)).build() : type;
    }

    // ---- federation directives ---------------------------------------------------------------------------------

    /** The name this subgraph uses for a federation directive, e.g. {@code key} or {@code federation__key}. */
    String local(String federationDirective) {
        return bareAccessDirectives.contains(federationDirective) ? federationDirective
                : federation.directive(federationDirective);
    }

    boolean hasDirective(List<Directive> directives, String federationDirective) {
        String n = local(federationDirective);
        return directives.stream().anyMatch(d -> d.getName().equals(n));
    }

    List<Directive> directives(List<Directive> directives, String federationDirective) {
        String n = local(federationDirective);
        return directives.stream().filter(d -> d.getName().equals(n)).toList();
    }

    /** The value of a federation directive's string argument on the element, or null. */
    String directiveArgument(List<Directive> directives, String federationDirective, String argument) {
        for (Directive d : directives(directives, federationDirective)) {
            String v = string(argument(d, argument));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    boolean isExternal(TypeDef type, FieldDefinition field) {
        return hasDirective(field.getDirectives(), "external") || hasDirective(type.directives, "external");
    }

    boolean isShareable(TypeDef type, FieldDefinition field) {
        return hasDirective(field.getDirectives(), "shareable") || hasDirective(type.directives, "shareable");
    }

    private static String capitalize(String operation) {
        return Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
    }
}
