package org.epicontrol.gateway.access;

import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NamedNode;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Value;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.supergraph.DirectiveArguments;
import org.epicontrol.gateway.supergraph.LinkSpec;

/**
 * Reads the access directives of a supergraph in Apollo's form: {@code @link}ed specs
 * {@code https://specs.apollo.dev/authenticated/v0.1}, {@code requiresScopes/v0.1}
 * ({@code @requiresScopes(scopes: [[requiresScopes__Scope!]!]!)}) and {@code policy/v0.1}
 * ({@code @policy(policies: [[policy__Policy!]!]!)}) on fields, objects, interfaces, scalars and enums, under their
 * local names (renamed with {@code as} or an import). Combines them with the API schema into
 * {@link AccessRequirements}.
 */
public final class AccessDirectivesReader {
    static final String AUTHENTICATED = "authenticated";
    static final String REQUIRES_SCOPES = "requiresScopes";
    static final String POLICY = "policy";
    private static final Set<String> SPECS = Set.of(AUTHENTICATED, REQUIRES_SCOPES, POLICY);

    private final String authenticated;
    private final String requiresScopes;
    private final String policy;
    private final Map<String, Requirement> ownTypes = new HashMap<>();
    private final Map<String, Map<String, Requirement>> ownFields = new HashMap<>();
    private final Set<String> policies = new LinkedHashSet<>();

    private AccessDirectivesReader(Map<String, String> localNames) {
        this.authenticated = localNames.get(AUTHENTICATED);
        this.requiresScopes = localNames.get(REQUIRES_SCOPES);
        this.policy = localNames.get(POLICY);
    }

    /** The requirements of the supergraph document whose API schema is {@code api}. */
    public static AccessRequirements read(Document supergraph, GraphQLSchema api) {
        Map<String, String> names = localNames(supergraph);
        if (names.isEmpty()) {
            return AccessRequirements.NONE;
        }
        AccessDirectivesReader reader = new AccessDirectivesReader(names);
        reader.readDefinitions(supergraph);
        if (reader.ownTypes.isEmpty() && reader.ownFields.isEmpty()) {
            return AccessRequirements.NONE;
        }
        return reader.combine(api);
    }

    /** Local directive names by spec, from the schema's {@code @link}s (the spec's own name unless renamed). */
    static Map<String, String> localNames(Document doc) {
        Map<String, String> out = new HashMap<>();
        for (Definition<?> d : doc.getDefinitions()) {
            if (!(d instanceof SchemaDefinition sd)) {
                continue;
            }
            for (LinkSpec link : LinkSpec.readAll(sd.getDirectives())) {
                if (link.isApolloSpec() && SPECS.contains(link.spec())) {
                    out.put(link.spec(), link.directive(link.spec()));
                }
            }
        }
        // A supergraph that defines the directives without linking their specs (hand-written): their plain names.
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof DirectiveDefinition dd && !out.containsValue(dd.getName())
                    && SPECS.contains(dd.getName())) {
                out.putIfAbsent(dd.getName(), dd.getName());
            }
        }
        return out;
    }

    private void readDefinitions(Document doc) {
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof ObjectTypeDefinition o) {
                readType(o, o.getDirectives());
                readFields(o.getName(), o.getFieldDefinitions());
            } else if (d instanceof InterfaceTypeDefinition i) {
                readType(i, i.getDirectives());
                readFields(i.getName(), i.getFieldDefinitions());
            } else if (d instanceof ScalarTypeDefinition s) {
                readType(s, s.getDirectives());
            } else if (d instanceof EnumTypeDefinition e) {
                readType(e, e.getDirectives());
            }
        }
    }

    private void readType(NamedNode<?> type, List<Directive> directives) {
        Requirement r = requirement(directives);
        if (!r.isNone()) {
            ownTypes.merge(type.getName(), r, Requirement::and);
        }
    }

    private void readFields(String typeName, List<FieldDefinition> fields) {
        for (FieldDefinition f : fields) {
            Requirement r = requirement(f.getDirectives());
            if (!r.isNone()) {
                ownFields.computeIfAbsent(typeName, k -> new HashMap<>()).merge(f.getName(), r, Requirement::and);
            }
        }
    }

    private Requirement requirement(List<Directive> directives) {
        Requirement r = Requirement.NONE;
        for (Directive d : directives) {
            if (d.getName().equals(authenticated)) {
                r = r.and(Requirement.authenticatedOnly());
            } else if (d.getName().equals(requiresScopes)) {
                r = r.and(Requirement.scopes(alternatives(DirectiveArguments.argument(d, "scopes"))));
            } else if (d.getName().equals(policy)) {
                List<Set<String>> alternatives = alternatives(DirectiveArguments.argument(d, "policies"));
                alternatives.forEach(policies::addAll);
                r = r.and(Requirement.policies(alternatives));
            }
        }
        return r;
    }

    /** {@code [["a", "b"], ["c"]]}: a and b, or c. */
    private static List<Set<String>> alternatives(Value<?> value) {
        List<Set<String>> out = new ArrayList<>();
        for (List<String> all : DirectiveArguments.stringLists(value)) {
            out.add(new LinkedHashSet<>(all));
        }
        return out;
    }

    private AccessRequirements combine(GraphQLSchema api) {
        Map<String, Map<String, Requirement>> fields = new HashMap<>();
        for (GraphQLNamedType type : api.getAllTypesAsList()) {
            if (!(type instanceof GraphQLFieldsContainer container) || type.getName().startsWith("__")) {
                continue;
            }
            List<GraphQLObjectType> implementations = container instanceof GraphQLInterfaceType i
                    ? api.getImplementations(i) : List.of();
            for (GraphQLFieldDefinition f : container.getFieldDefinitions()) {
                Requirement r = own(type.getName(), f.getName())
                        .and(ownTypes.getOrDefault(type.getName(), Requirement.NONE))
                        .and(ownTypes.getOrDefault(GraphQLTypeUtil.unwrapAll(f.getType()).getName(),
                                Requirement.NONE));
                for (GraphQLObjectType impl : implementations) {
                    r = r.and(own(impl.getName(), f.getName()))
                            .and(ownTypes.getOrDefault(impl.getName(), Requirement.NONE));
                }
                if (!r.isNone()) {
                    fields.computeIfAbsent(type.getName(), k -> new HashMap<>()).put(f.getName(), r);
                }
            }
        }
        return new AccessRequirements(ownTypes, fields, policies);
    }

    private Requirement own(String type, String field) {
        Map<String, Requirement> byField = ownFields.get(type);
        return byField == null ? Requirement.NONE : byField.getOrDefault(field, Requirement.NONE);
    }
}
