package org.epicontrol.e2e.access;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryGeneratorTest {

    private static final Schema SCHEMA = new SchemaFixture()
            .type("Query", "area(id:ID!):Area", "searchAreas(text:String!,first:Int):[Area]", "posts:[Post]")
            .type("Area", "id:ID!", "name:String", "parent:Area", "posts:[Post]")
            .type("Post", "id:ID!", "area:Area", "shifts(from:DateTime!):[Shift]")
            .type("Shift", "id:ID!", "post:Post")
            .schema();
    private static final ArgumentProviders PROVIDERS = new ArgumentProviders(
            Map.of("first", 5, "from:DateTime", "2022-12-01T00:00Z"),
            List.of(new ArgumentProviders.Sample("西贾社区", Map.of("id@Area", "5")),
                    new ArgumentProviders.Sample("draft", Map.of("id@Area", "99"))));

    @Test
    void everyFieldIsSelectedOncePerSampleAndATypeAlreadyOnThePathIsNotEnteredAgain() {
        QueryGenerator.Probe area = new QueryGenerator(SCHEMA, PROVIDERS, 6).rootProbes().get(0);
        assertEquals("{ s0: area(id: \"5\") { __typename id name posts { __typename id shifts(from: \"2022-12-01T00:00Z\")"
                + " { __typename id } } } s1: area(id: \"99\") { __typename id name posts { __typename id"
                + " shifts(from: \"2022-12-01T00:00Z\") { __typename id } } } }", area.document());
        assertEquals(Map.of("s0", "西贾社区", "s1", "draft"), area.samples());
    }

    @Test
    void aRequiredArgumentNothingProvidesLeavesTheFieldOutAndIsReported() {
        QueryGenerator generator = new QueryGenerator(SCHEMA, PROVIDERS, 6);
        List<String> walked = generator.rootProbes().stream().map(QueryGenerator.Probe::name).toList();
        assertEquals(List.of("Query.area", "Query.posts"), walked);
        assertEquals(Set.of("Query.searchAreas(text: String!)"), generator.unprovided());
    }

    @Test
    void theDepthBoundCutsObjectLevelsBelowTheRoot() {
        QueryGenerator.Probe posts = new QueryGenerator(SCHEMA, PROVIDERS, 2).rootProbes().get(1);
        assertEquals("{ s0: posts { __typename id area { __typename id name }"
                + " shifts(from: \"2022-12-01T00:00Z\") { __typename id } } }", posts.document());
        assertEquals(Map.of("s0", "defaults"), posts.samples());
    }

    @Test
    void anObjectWithoutAnIdAtTheBoundKeepsTheObjectsThatTellItsOwner() {
        Schema schema = new SchemaFixture()
                .type("Query", "posts:[Post]")
                .type("Post", "id:ID!", "onDuty:[OnDuty]", "area:Area")
                .type("OnDuty", "since:String", "post:Post", "volunteer:Volunteer")
                .type("Volunteer", "id:ID!", "name:String", "area:Area")
                .type("Area", "id:ID!")
                .schema();
        QueryGenerator.Probe posts = new QueryGenerator(schema, PROVIDERS, 2).rootProbes().get(0);
        assertEquals("{ s0: posts { __typename id onDuty { __typename since volunteer { __typename id name } }"
                + " area { __typename id } } }", posts.document());
    }

    @Test
    void aRefusedProbeSplitsItsSamplesThenItsBranchesInHalvesDownToSingleChainsAndEveryPathIsStillRead() {
        QueryGenerator.Probe area = new QueryGenerator(SCHEMA, PROVIDERS, 6).rootProbes().get(0);
        List<QueryGenerator.Probe> perSample = area.smaller();
        assertEquals(List.of(Map.of("s0", "西贾社区"), Map.of("s1", "draft")),
                perSample.stream().map(QueryGenerator.Probe::samples).toList());
        assertEquals("{ s1: area(id: \"99\") { __typename id name posts { __typename id"
                + " shifts(from: \"2022-12-01T00:00Z\") { __typename id } } } }", perSample.get(1).document());

        List<QueryGenerator.Probe> smallest = smallest(perSample);
        assertEquals(paths(area.roots()), smallest.stream().flatMap(p -> paths(p.roots()).stream())
                .collect(Collectors.toCollection(TreeSet::new)));
        smallest.forEach(part -> assertTrue(part.smaller().isEmpty(), part.document()));
    }

    @Test
    void aProbeWithTwoBranchesSplitsIntoOnePerBranchEachKeepingTheLeavesOnItsWay() {
        QueryGenerator.Probe posts = new QueryGenerator(SCHEMA, PROVIDERS, 2).rootProbes().get(1);
        assertEquals(List.of("{ s0: posts { __typename id area { __typename id name } } }",
                        "{ s0: posts { __typename id shifts(from: \"2022-12-01T00:00Z\") { __typename id } } }"),
                posts.smaller().stream().map(QueryGenerator.Probe::document).toList());
    }

    @Test
    void aLookupSplitsItsRepresentationsInHalves() {
        QueryGenerator generator = new QueryGenerator(SCHEMA, PROVIDERS, 1);
        QueryGenerator.Probe lookup = generator.entityProbe("Area", List.of(Map.of("__typename", "Area", "id", "5"),
                Map.of("__typename", "Area", "id", "99")), List.of("西贾社区", "draft"));
        assertEquals("query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Area { __typename id"
                + " name } } }", lookup.document());
        assertEquals(List.of(Map.of("r", List.of(Map.of("__typename", "Area", "id", "5"))),
                        Map.of("r", List.of(Map.of("__typename", "Area", "id", "99")))),
                lookup.smaller().stream().map(QueryGenerator.Probe::variables).toList());
    }

    @Test
    void moreBranchesSplitInTwoHalvesSoAPartThatFitsIsFoundInFewRequests() {
        Selection post = new Selection("post", List.of("__typename"), List.of(
                new Selection("area", List.of("id"), List.of()), new Selection("shifts", List.of("id"), List.of()),
                new Selection("community", List.of("id"), List.of())));
        assertEquals(List.of("post { __typename area { id } shifts { id } }", "post { __typename community { id } }"),
                post.split().stream().map(Selection::render).toList());
    }

    @Test
    void aChainOfSingleBranchesIsItsSmallestForm() {
        Selection chain = new Selection("post", List.of("__typename", "id", "name"), List.of(
                new Selection("area", List.of("__typename", "id", "name", "kind", "code"), List.of())));
        assertEquals(List.of(), chain.split());
    }

    private static List<QueryGenerator.Probe> smallest(List<QueryGenerator.Probe> probes) {
        List<QueryGenerator.Probe> out = new ArrayList<>();
        for (QueryGenerator.Probe probe : probes) {
            List<QueryGenerator.Probe> parts = probe.smaller();
            out.addAll(parts.isEmpty() ? List.of(probe) : smallest(parts));
        }
        return out;
    }

    /** Every leaf path of the selections, as head/head/…/leaf. */
    private static Set<String> paths(List<Selection> selections) {
        Set<String> paths = new TreeSet<>();
        for (Selection selection : selections) {
            selection.leaves().forEach(leaf -> paths.add(selection.head() + "/" + leaf));
            paths(selection.branches()).forEach(path -> paths.add(selection.head() + "/" + path));
        }
        return paths;
    }
}
