package org.epicontrol.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the web console was built against is what the running gateway serves: the schema its operation types were
 * generated from ({@code web/src/graphql/schema.graphql}, checked in), and its trusted-documents manifest (written by
 * its build), every operation of which the gateway knows by hash and validates.
 */
@ExtendWith(SuiteExtension.class)
class ConsoleContractTest {
    private static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    private static final Path SCHEMA = ROOT.resolve("web/src/graphql/schema.graphql");
    private static final Path MANIFEST = ROOT.resolve("web/target/persisted-documents.json");

    private final RunningSuite suite;

    ConsoleContractTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void theConsolesCheckedInSchemaIsTheOneTheGatewayServes() throws IOException {
        String served = print(servedSchema());
        String checkedIn = print(UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(SCHEMA))));
        assertEquals(served, checkedIn, "web/src/graphql/schema.graphql is stale: with the suite running, "
                + "(cd web && node scripts/print-schema.mjs http://localhost:8080/graphql > src/graphql/schema.graphql), "
                + "then build web and fix what its type check says");
    }

    @Test
    void everyOperationOfTheConsoleIsRegisteredAtTheGatewayAndValidAgainstItsSchema() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> manifest = new ObjectMapper().readValue(MANIFEST.toFile(), Map.class);
        assertFalse(manifest.isEmpty(), MANIFEST + " is empty");
        GraphQLSchema schema = servedSchema();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : manifest.entrySet()) {
            String hash = entry.getKey().replaceFirst("^sha256:", "").toLowerCase(Locale.ROOT);
            Document document = Parser.parse(entry.getValue());
            for (ValidationError error : new Validator().validateDocument(schema, document, Locale.ENGLISH)) {
                problems.add(entry.getKey() + ": " + error.getMessage());
            }
            // by hash alone, anonymously and without variables: known or not, nothing runs (every operation of the
            // console takes a required variable or needs a signed-in caller)
            JsonPath answer = given().contentType(ContentType.JSON)
                    .body(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
                    .when().post(suite.gatewayUrl())
                    .then().extract().jsonPath();
            List<String> codes = answer.getList("errors.extensions.code");
            if (codes != null && codes.stream().anyMatch(c -> c != null && c.startsWith("PERSISTED_QUERY"))) {
                problems.add(entry.getKey() + ": " + answer.prettify());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private GraphQLSchema servedSchema() {
        JsonPath introspection = Gateway.query(suite, IntrospectionQuery.INTROSPECTION_QUERY);
        Map<String, Object> data = introspection.getMap("data");
        Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(data);
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(sdl));
    }

    private static String print(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeDirectives(false)
                .includeSchemaDefinition(false)).print(schema);
    }
}
