package org.epicontrol.gateway.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What composes but may not be what the subgraphs meant is reported as hints with Apollo's codes. */
class CompositionHintsTest {

    private static final String LINK = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
            + "import: [\"@key\", \"@shareable\", \"@override\"])\n";

    @Test
    void subgraphsThatAgreeGiveNoHints() {
        assertEquals(List.of(), SupergraphComposer.compose(List.of(
                sub("a", "type Query { t: T }\ntype T @key(fields: \"id\") { id: ID! a: Int }"),
                sub("b", "type T @key(fields: \"id\") { id: ID! b: Int }"))).hints());
    }

    @Test
    void differentButCompatibleFieldAndArgumentTypesAreHinted() {
        List<CompositionHint> hints = hints(
                sub("a", "type Query { v(n: Int!): V @shareable }\ntype V @shareable { size: Int! }"),
                sub("b", "type Query { v(n: Int): V @shareable }\ntype V @shareable { size: Int }"));
        assertHint(hints, "INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE", "Type of field \"V.size\" is inconsistent but "
                + "compatible across subgraphs: will use type \"Int\" (from subgraph \"b\") in supergraph but "
                + "\"V.size\" has subtype \"Int!\" in subgraph \"a\"");
        assertHint(hints, "INCONSISTENT_BUT_COMPATIBLE_ARGUMENT_TYPE", "Type of argument \"Query.v(n:)\" is "
                + "inconsistent but compatible across subgraphs: will use type \"Int!\" (from subgraph \"a\") in "
                + "supergraph but \"Query.v(n:)\" has supertype \"Int\" in subgraph \"b\"");
    }

    @Test
    void optionalArgumentsAndInputFieldsLeftOutAreHinted() {
        List<CompositionHint> hints = hints(
                sub("a", "type Query { v(page: Page, sort: String): Int @shareable }\ninput Page { first: Int }"),
                sub("b", "type Query { v(page: Page): Int @shareable }\ninput Page { first: Int after: String }"));
        assertHint(hints, "INCONSISTENT_ARGUMENT_PRESENCE", "Optional argument \"Query.v(sort:)\" will not be "
                + "included in the supergraph as it does not appear in all subgraphs: it is defined in subgraph \"a\" "
                + "but not in subgraph \"b\"");
        assertHint(hints, "INCONSISTENT_INPUT_OBJECT_FIELD", "Optional input field \"Page.after\" will not be "
                + "included in the supergraph as it does not appear in all subgraphs: it is defined in subgraph \"b\" "
                + "but not in subgraph \"a\"");
    }

    @Test
    void anEntityWithoutKeyInOneSubgraphAndValueTypeFieldsOfOneSubgraphAreHinted() {
        List<CompositionHint> hints = hints(
                sub("a", "type Query { t: T v: V }\ntype T @key(fields: \"id\") { id: ID! }\n"
                        + "type V @shareable { x: Int y: Int }"),
                sub("b", "type Query { u: T @shareable w: V }\ntype T @shareable { id: ID! }\n"
                        + "type V @shareable { x: Int }"));
        assertHint(hints, "INCONSISTENT_ENTITY", "Type \"T\" is declared as an entity (has a @key applied) in some "
                + "but not all defining subgraphs: it has no @key in subgraph \"b\" but has some @key in subgraph "
                + "\"a\".");
        assertHint(hints, "INCONSISTENT_OBJECT_VALUE_TYPE_FIELD", "Field \"V.y\" of non-entity object type \"V\" is "
                + "defined in some but not all subgraphs that define \"V\": \"V.y\" is defined in subgraph \"a\" but "
                + "not in subgraph \"b\".");
    }

    @Test
    void unionMembersAndEnumValuesOfSomeSubgraphsAreHinted() {
        List<CompositionHint> hints = hints(
                sub("a", "type Query { r: R o: Out i(e: In): Int }\nunion R = A | B\ntype A @shareable { a: Int }\n"
                        + "type B { b: Int }\nenum Out { X Y }\nenum In { P Q }\nenum Unused { Z }"),
                sub("b", "type Query { s: R p: Out j(e: In): Int }\nunion R = A\ntype A @shareable { a: Int }\n"
                        + "enum Out { X }\nenum In { P }"));
        assertHint(hints, "INCONSISTENT_UNION_MEMBER", "Union type \"R\" includes member type \"B\" in some but not "
                + "all defining subgraphs: \"B\" is defined in subgraph \"a\" but not in subgraph \"b\".");
        assertHint(hints, "INCONSISTENT_ENUM_VALUE_FOR_OUTPUT_ENUM", "Value \"Y\" of enum type \"Out\" has been added "
                + "to the supergraph but is only defined in a subset of the subgraphs defining \"Out\": \"Y\" is "
                + "defined in subgraph \"a\" but not in subgraph \"b\"");
        assertHint(hints, "INCONSISTENT_ENUM_VALUE_FOR_INPUT_ENUM", "Value \"Q\" of enum type \"In\" will not be part "
                + "of the supergraph as it is not defined in all the subgraphs defining \"In\": \"Q\" is defined in "
                + "subgraph \"a\" but not in subgraph \"b\"");
        assertTrue(codes(hints).contains("UNUSED_ENUM_TYPE"), hints.toString());
    }

    @Test
    void overridesThatCanBeCleanedUpAreHinted() {
        List<CompositionHint> hints = hints(
                sub("old", "type Query { t: T }\ntype T @key(fields: \"id\") { id: ID! total: Int }"),
                sub("new", "type T @key(fields: \"id\") { id: ID! total: Int @override(from: \"old\") "
                        + "count: Int @override(from: \"gone\") size: Int @override(from: \"old\") }"));
        assertHint(hints, "OVERRIDDEN_FIELD_CAN_BE_REMOVED", "Field \"T.total\" on subgraph \"old\" is overridden by "
                + "subgraph \"new\". Consider removing it.");
        assertHint(hints, "FROM_SUBGRAPH_DOES_NOT_EXIST", "Source subgraph \"gone\" for field \"T.count\" on subgraph "
                + "\"new\" does not exist.");
        assertHint(hints, "OVERRIDE_DIRECTIVE_CAN_BE_REMOVED", "Field \"T.size\" on subgraph \"new\" no longer "
                + "exists in the from subgraph. The @override directive can be removed.");
    }

    @Test
    void differentDescriptionsAndExecutableDirectivesOfSomeSubgraphsAreHinted() {
        List<CompositionHint> hints = hints(
                sub("a", "directive @lower on FIELD\ntype Query { \"Apples\" a: Int }"),
                sub("b", "type Query { \"Pears\" b: Int }\ntype V { \"One\" x: Int @shareable }"),
                sub("c", "type Query { c: V }\ntype V { \"Two\" x: Int @shareable }"));
        assertHint(hints, "INCONSISTENT_EXECUTABLE_DIRECTIVE_PRESENCE", "Executable directive \"@lower\" will not be "
                + "part of the supergraph as it does not appear in all subgraphs: it is defined in subgraph \"a\" but "
                + "not in subgraphs \"b\" and \"c\"");
        assertHint(hints, "INCONSISTENT_DESCRIPTION", "Element \"V.x\" has inconsistent descriptions across "
                + "subgraphs; the supergraph uses the first: in subgraph \"b\", \"One\"; in subgraph \"c\", \"Two\"");
    }

    private static void assertHint(List<CompositionHint> hints, String code, String message) {
        assertTrue(hints.contains(new CompositionHint(code, message)), "no " + code + ": " + message + " in\n"
                + String.join("\n", hints.stream().map(CompositionHint::toString).toList()));
    }

    private static List<String> codes(List<CompositionHint> hints) {
        return hints.stream().map(CompositionHint::code).toList();
    }

    private static List<CompositionHint> hints(SubgraphSdl... subgraphs) {
        return SupergraphComposer.compose(List.of(subgraphs)).hints();
    }

    private static SubgraphSdl sub(String name, String sdl) {
        return new SubgraphSdl(name, "{" + name + "}", LINK + sdl);
    }
}
