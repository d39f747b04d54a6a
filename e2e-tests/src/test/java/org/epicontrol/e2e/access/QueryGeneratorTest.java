package org.epicontrol.e2e.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
