package org.epicontrol.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.junit.jupiter.api.Test;

/**
 * {@code @authenticated}, {@code @requiresScopes} and {@code @policy} of the subgraphs reach the supergraph in the
 * form Apollo composition prints, merged so that every subgraph's requirement holds.
 */
class AccessDirectivesCompositionTest {

    private static final String LINK_2_6 = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.6\", "
            + "import: [\"@key\", \"@shareable\", \"@authenticated\", \"@requiresScopes\", \"@policy\"])\n";

    @Test
    void accessDirectivesOnEveryKindOfElementArePrintedWithTheirSpecs() {
        SupergraphComposer.Composition c = SupergraphComposer.compose(List.of(sub("notices", """
                type Query {
                  notices: [Notice!]! @authenticated
                  draft(id: ID!): Notice @requiresScopes(scopes: [["notice:write"], ["admin"]])
                }
                type Notice @key(fields: "id") @policy(policies: [["may_read_notices"]]) {
                  id: ID!
                  level: Level
                  when: Instant
                  source: Source
                }
                interface Source @authenticated { name: String }
                enum Level @requiresScopes(scopes: [["level"]]) { LOW HIGH }
                scalar Instant @authenticated
                """)));
        String sdl = c.supergraphSdl();
        for (String expected : List.of(
                "  @link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)\n",
                "  @link(url: \"https://specs.apollo.dev/requiresScopes/v0.1\", for: SECURITY)\n",
                "  @link(url: \"https://specs.apollo.dev/policy/v0.1\", for: SECURITY)\n",
                "directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n",
                "directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | "
                        + "INTERFACE | SCALAR | ENUM\n",
                "directive @policy(policies: [[policy__Policy!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | "
                        + "SCALAR | ENUM\n",
                "scalar requiresScopes__Scope\n",
                "scalar policy__Policy\n",
                "  notices: [Notice!]! @authenticated\n",
                "@requiresScopes(scopes: [[\"admin\"], [\"notice:write\"]])\n",
                "@join__type(graph: NOTICES, key: \"id\") @policy(policies: [[\"may_read_notices\"]])\n",
                "interface Source\n  @join__type(graph: NOTICES) @authenticated\n",
                "enum Level\n  @join__type(graph: NOTICES) @requiresScopes(scopes: [[\"level\"]])\n",
                "scalar Instant\n  @join__type(graph: NOTICES) @authenticated\n")) {
            assertTrue(sdl.contains(expected), "missing " + expected + " in\n" + sdl);
        }
    }

    @Test
    void theComposedSupergraphParsesBackAndItsApiSchemaHasNoAccessMachinery() {
        SupergraphComposer.Composition c = SupergraphComposer.compose(List.of(sub("a", """
                type Query {
                  secret: String @requiresScopes(scopes: [["s"]]) @policy(policies: [["p"]]) @authenticated
                }
                """)));
        Supergraph parsed = SupergraphParser.parse(c.supergraphSdl());
        GraphQLSchema api = parsed.apiSchema();
        assertNotNull(api.getQueryType().getFieldDefinition("secret"));
        for (String internal : List.of("requiresScopes__Scope", "policy__Policy")) {
            assertNull(api.getType(internal), internal);
        }
        for (String directive : List.of("authenticated", "requiresScopes", "policy")) {
            assertNull(api.getDirective(directive), directive);
        }
        assertEquals(List.of("A"), parsed.resolvingGraphs("Query", "secret"));
    }

    @Test
    void requirementsOfASharedFieldAllHoldAcrossSubgraphs() {
        String sdl = SupergraphComposer.compose(List.of(
                sub("a", """
                        type Query { t: T }
                        type T @key(fields: "id") @authenticated {
                          id: ID!
                          secret: String @shareable @requiresScopes(scopes: [["A1", "A2"], ["A3"]])
                        }
                        """),
                sub("b", """
                        type T @key(fields: "id") {
                          id: ID!
                          secret: String @shareable @requiresScopes(scopes: [["B1"], ["B2"]])
                        }
                        """))).supergraphSdl();
        assertTrue(sdl.contains("@join__type(graph: B, key: \"id\") @authenticated\n"), sdl);
        assertTrue(sdl.contains("secret: String @requiresScopes(scopes: [[\"A3\", \"B1\"], [\"A3\", \"B2\"], "
                + "[\"A1\", \"A2\", \"B1\"], [\"A1\", \"A2\", \"B2\"]])\n"), sdl);
    }

    @Test
    void renamedImportsAndPrefixedNamesAreRecognised() {
        String sdl = SupergraphComposer.compose(List.of(new SubgraphSdl("a", "{a}", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.5",
                  import: ["@key", {name: "@requiresScopes", as: "@scopes"}])
                type Query {
                  x: String @scopes(scopes: [["x"]])
                  y: String @federation__authenticated
                  z: String @federation__policy(policies: [["z"]])
                }
                """))).supergraphSdl();
        assertTrue(sdl.contains("x: String @requiresScopes(scopes: [[\"x\"]])\n"), sdl);
        assertTrue(sdl.contains("y: String @authenticated\n"), sdl);
        assertTrue(sdl.contains("z: String @policy(policies: [[\"z\"]])\n"), sdl);
    }

    @Test
    void smallRyesBareAccessDirectivesCountAsTheFederationOnes() {
        String sdl = SupergraphComposer.compose(List.of(new SubgraphSdl("notices", "{n}", """
                schema @link(import : ["@key"], url : "https://specs.apollo.dev/federation/v2.5"){
                  query: Query
                }
                directive @authenticated on SCALAR | OBJECT | FIELD_DEFINITION | INTERFACE | ENUM
                directive @key(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
                directive @link(as: String, for: link__Purpose, import: [link__Import], url: String!) repeatable on SCHEMA
                directive @policy(policies: [[Policy!]!]!) on SCALAR | OBJECT | FIELD_DEFINITION | INTERFACE | ENUM
                type Query {
                  mine: String @authenticated
                  imports: String @policy(policies : [["import_notices"]])
                }
                enum link__Purpose { EXECUTION SECURITY }
                scalar Policy
                scalar federation__FieldSet
                scalar link__Import
                """))).supergraphSdl();
        assertTrue(sdl.contains("mine: String @authenticated\n"), sdl);
        assertTrue(sdl.contains("imports: String @policy(policies: [[\"import_notices\"]])\n"), sdl);
        assertFalse(sdl.contains("scalar Policy"), sdl);
    }

    @Test
    void withoutAccessDirectivesNoAccessSpecIsLinked() {
        String sdl = SupergraphComposer.compose(List.of(sub("a", "type Query { a: Int }"))).supergraphSdl();
        assertFalse(sdl.contains("authenticated"), sdl);
        assertFalse(sdl.contains("requiresScopes"), sdl);
        assertFalse(sdl.contains("policy"), sdl);
    }

    @Test
    void aMergedRequirementTooLargeToEnforceIsAnError() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("[\"s" + i + "\"]");
        }
        String scopes = "[" + String.join(", ", many) + "]";
        CompositionException e = assertThrows(CompositionException.class, () -> SupergraphComposer.compose(List.of(
                sub("a", "type Query { v: V }\ntype V { x: String @shareable @requiresScopes(scopes: " + scopes
                        + ") }"),
                sub("b", "type Query { w: V }\ntype V { x: String @shareable @requiresScopes(scopes: "
                        + scopes.replace("s", "t") + ") }"))));
        assertEquals("AUTH_REQUIREMENTS_TOO_LARGE", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().contains("V.x"), e.getMessage());
    }

    private static SubgraphSdl sub(String name, String sdl) {
        return new SubgraphSdl(name, "{" + name + "}", LINK_2_6 + sdl);
    }
}
