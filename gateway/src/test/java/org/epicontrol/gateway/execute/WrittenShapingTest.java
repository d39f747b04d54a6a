package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.json.JsonBodies;
import org.epicontrol.gateway.json.JsonOut;
import org.junit.jupiter.api.Test;

/**
 * The shaper writing JSON while it shapes ({@link ResponseShaper#shapeInto}) gives the bytes, errors and cost of
 * shaping into a tree and writing it; a null in a non-null position rewinds what was written of the nearest nullable
 * enclosing value, at any depth.
 */
class WrittenShapingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
            .parse("""
                    type Query { notice: Notice  notices: [Notice!]  strict: [Notice!]!  sure: Notice!
                                 thing: Thing  level: Level }
                    type Notice { number: String!  title: String  designations: [Designation!]!
                                  issuer: Person  tags: [String!]  level: Level }
                    type Designation { ordinal: Int!  area: Area! }
                    type Area { id: ID!  name: String!  parent: Area }
                    type Person { name: String! }
                    interface Thing { id: ID! }
                    type Book implements Thing { id: ID!  pages: Int! }
                    type Film implements Thing { id: ID!  minutes: Int }
                    enum Level { HIGH LOW }
                    """));
    private static final String DEEP = """
            { notice { number title designations { ordinal area { id name parent { id name } } } issuer { name } tags }
              notices { number designations { area { name } } }
              __typename }""";

    @Test
    void everythingPresentIsWrittenAsTheTree() throws Exception {
        same(DEEP, """
                {"notice": {"number": "1", "title": "T", "tags": ["a", "b"], "issuer": {"name": "P"},
                  "designations": [{"ordinal": 1, "area": {"id": "a", "name": "A", "parent": {"id": "p", "name": "P"}}},
                                   {"ordinal": 2, "area": {"id": "b", "name": "B", "parent": null}}]},
                 "notices": [{"number": "1", "designations": []}, {"number": "2", "designations": [{"area": {"name": "X"}}]}]}""",
                "{\"notice\":{\"number\":\"1\",\"title\":\"T\",\"designations\":[{\"ordinal\":1,\"area\":{\"id\":\"a\","
                        + "\"name\":\"A\",\"parent\":{\"id\":\"p\",\"name\":\"P\"}}},{\"ordinal\":2,\"area\":{\"id\":\"b\","
                        + "\"name\":\"B\",\"parent\":null}}],\"issuer\":{\"name\":\"P\"},\"tags\":[\"a\",\"b\"]},"
                        + "\"notices\":[{\"number\":\"1\",\"designations\":[]},{\"number\":\"2\",\"designations\":"
                        + "[{\"area\":{\"name\":\"X\"}}]}],\"__typename\":\"Query\"}");
    }

    @Test
    void aNullFourLevelsDownRewindsToTheNearestNullableObject() throws Exception {
        // Area.name! is null in the second designation: area! and the designation! and designations! are non-null,
        // so the notice (nullable) becomes null; parent's null name nulls only parent.
        List<Map<String, Object>> errors = same(DEEP, """
                {"notice": {"number": "1", "title": "T", "tags": ["a"], "issuer": {"name": "P"},
                  "designations": [{"ordinal": 1, "area": {"id": "a", "name": "A", "parent": {"id": "p", "name": null}}},
                                   {"ordinal": 2, "area": {"id": "b", "name": null}}]},
                 "notices": [{"number": "1", "designations": []}]}""",
                "{\"notice\":null,\"notices\":[{\"number\":\"1\",\"designations\":[]}],\"__typename\":\"Query\"}");
        assertEquals(List.of(List.of("notice", "designations", 0, "area", "parent", "name"),
                List.of("notice", "designations", 1, "area", "name")), errors.stream().map(e -> e.get("path")).toList());
    }

    @Test
    void aNullItemOfAListOfNonNullItemsNullsTheNullableList() throws Exception {
        same("{ notice { number tags } notices { number } }", """
                {"notice": {"number": "1", "tags": ["a", null, "c"]},
                 "notices": [{"number": "1"}, {"number": null}, {"number": "3"}]}""",
                "{\"notice\":{\"number\":\"1\",\"tags\":null},\"notices\":null}");
    }

    @Test
    void aNullInANonNullRootFieldNullsTheWholeData() throws Exception {
        same("{ notice { number } strict { number title } }", """
                {"notice": {"number": "1"}, "strict": [{"number": "1", "title": "a"}, {"number": null}]}""",
                "null");
        same("{ sure { number issuer { name } } }", "{\"sure\": {\"number\": \"1\", \"issuer\": {\"name\": null}}}",
                "{\"sure\":{\"number\":\"1\",\"issuer\":null}}");
        same("{ sure { number } }", "{}", "null");
    }

    @Test
    void aliasesFragmentsConditionsTypenamesEnumsAndAbstractTypesAreWrittenAsTheTree() throws Exception {
        same("""
                query($no: Boolean!) { n: notice { ...N  t: __typename  title @skip(if: $no)  lv: level }
                  thing { __typename id ... on Book { pages } ... on Film { minutes } }
                  other: thing { ... on Film { minutes } }  level }
                fragment N on Notice { num: number  title @include(if: $no) }""", """
                {"n": {"num": "7", "title": "hidden", "lv": "UNKNOWN"},
                 "thing": {"__typename": "Book", "id": "b", "pages": 3},
                 "other": {"__typename": "Book", "id": "b"}, "level": "HIGH"}""",
                "{\"n\":{\"num\":\"7\",\"t\":\"Notice\",\"title\":\"hidden\",\"lv\":null},\"thing\":{\"__typename\":\"Book\",\"id\":\"b\","
                        + "\"pages\":3},\"other\":{},\"level\":\"HIGH\"}");
        same("{ thing { id } notice { number issuer { name } } }", """
                {"thing": {"__typename": "Unknown", "id": "x"}, "notice": {"number": "1", "issuer": "not an object"}}""",
                "{\"thing\":null,\"notice\":{\"number\":\"1\",\"issuer\":null}}");
    }

    /**
     * Shapes {@code data} for {@code query} both ways: the written bytes must be {@code expected} and those of the
     * tree, and errors (with their paths) and cost the same.
     */
    private static List<Map<String, Object>> same(String query, String data, String expected) throws Exception {
        Document document = new Parser().parseDocument(query);
        OperationDefinition op = document.getDefinitionsOfType(OperationDefinition.class).get(0);
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Map<String, Object> variables = Map.of("no", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> input = JSON.readValue(data, Map.class);
        FieldWeights weights = (parent, field) -> field.getName().length();

        List<Map<String, Object>> treeErrors = new ArrayList<>();
        ResponseShaper tree = new ResponseShaper(SCHEMA, fragments, variables, treeErrors, weights);
        Map<String, Object> shaped = tree.shape(SCHEMA.getQueryType(), op.getSelectionSet(), input);
        String treeBytes = new String(new JsonBodies(JSON).bytes(shaped), StandardCharsets.UTF_8);

        List<Map<String, Object>> writtenErrors = new ArrayList<>();
        ResponseShaper written = new ResponseShaper(SCHEMA, fragments, variables, writtenErrors, weights);
        ByteBuf buf = Unpooled.buffer(8);
        written.shapeInto(new JsonOut(buf, JSON), SCHEMA.getQueryType(), op.getSelectionSet(), input);

        assertEquals(expected, treeBytes, "the tree");
        assertEquals(treeBytes, buf.toString(StandardCharsets.UTF_8), "written while shaping");
        assertEquals(treeErrors, writtenErrors);
        assertEquals(tree.cost(), written.cost());
        return writtenErrors;
    }
}
