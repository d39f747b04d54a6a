package org.epicontrol.gateway.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.compose.SubgraphSdl;
import org.epicontrol.gateway.compose.SupergraphComposer;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production budgets (this module's application.properties, profile prod) against the queries the repository
 * sends through the gateway: README, dev-suite's example, e2e tests and the gateway benchmark pass, the issue's
 * nested-designations example does not. The supergraph is composed from SDL with the shape of the two services'
 * types on those paths (list or not, slicing arguments); the services' own SDL needs their databases to print.
 */
class RepositoryQueriesCostTest {
    private static final String LINK = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", "
            + "import: [\"@key\", \"@shareable\"])\n";
    private static final String NOTICES = LINK + """
            type Query {
              notices(from: String, to: String, district: String, status: String, first: Int, after: String): NoticeConnection!
              notice(id: ID!): Notice
              riskLevel(address: String!, asOf: String): RiskAssessment
              riskLevels: [RiskLevel!]!
              searchAreas(text: String!, district: String, first: Int): [Area!]!
            }
            type NoticeConnection { edges: [NoticeEdge!]! pageInfo: PageInfo! }
            type NoticeEdge { node: Notice! cursor: String! }
            type PageInfo { hasNextPage: Boolean! endCursor: String }
            type Notice @key(fields: "id") {
              id: ID! number: Int title: String issuer: String issueDate: String effectiveDate: String status: String
              legalBasis: String designations(district: String, level: String): [Designation!]!
            }
            type Designation { ordinal: Int text: String level: RiskLevel areas: [Area!]! exceptions: [Area!]! notice: Notice! }
            type RiskLevel { code: String name: String }
            type RiskAssessment { designated: Boolean level: RiskLevel notice: Notice designation: Designation }
            type Area @key(fields: "id") { id: ID! fullName: String }
            """;
    private static final String VOLUNTEERS = LINK + """
            type Query { shift(id: ID!): Shift }
            type Area @key(fields: "id") {
              id: ID! responsibleGrid: Grid dutyPosts: [DutyPost!]! onDutyNow: [OnDuty!]!
            }
            type Grid { name: String community: Community responsibleWorkers: [Volunteer!]! }
            type DutyPost { id: ID! name: String kind: String community: Community shifts(from: String!, to: String!): [Shift!]! }
            type Shift { id: ID! startsAt: String cancelled: Boolean }
            type OnDuty { from: String until: String post: DutyPost volunteer: Volunteer }
            type Volunteer { name: String phone: String kinds: [String!]! community: Community }
            type Community { name: String }
            """;

    /** README and dev-suite: notices, their high-risk areas, grid, posts and who is on duty (anonymous in README). */
    private static final String EXAMPLE = """
            { notices(first: 2) { edges { node { number designations(level: "HIGH") { text
              areas { fullName responsibleGrid { name } dutyPosts { name } onDutyNow { volunteer { name } } } } } } } }""";
    /** benchmarks/gateway/run.sh, NOTICES=10, sent with a token. */
    private static final String BENCHMARK_DEEP = """
            query Deep { notices(first: 10) { edges { node { number title designations(district: "小店区") {
              ordinal level { code }
              areas { id fullName dutyPosts { id name kind community { name } }
                responsibleGrid { name community { name } responsibleWorkers { name } }
                onDutyNow { from until post { name } volunteer { name kinds community { name } } } } } } } } }""";
    /** e2e StaffAccessTest, signed in. */
    private static final String GATE_SHIFTS = """
            query($id: ID!, $from: String!, $to: String!) { notice(id: $id) { designations(level: "HIGH") { areas {
              fullName dutyPosts { name shifts(from: $from, to: $to) { id startsAt cancelled } } } } } }""";
    /** The issue's example (16 s, 7.7 MB anonymously before). */
    private static final String ISSUE_EXAMPLE =
            "{ notice(id: \"1\") { designations { notice { designations { notice { designations { notice { id } } } } } } } }";

    private static Supergraph supergraph;
    private static CostSettings settings;
    private static CostPolicy production;

    @BeforeAll
    static void productionConfiguration() throws Exception {
        supergraph = SupergraphComposer.compose(List.of(new SubgraphSdl("notices", "http://n/graphql", NOTICES),
                new SubgraphSdl("volunteers", "http://v/graphql", VOLUNTEERS))).supergraph();
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(GatewayConfig.class.getResource("/application.properties"),
                        250))
                .withConverter(Duration.class, 200, new DurationConverter()) // "30s", as Quarkus reads it
                .withMapping(GatewayConfig.class)
                .withValidateUnknown(false)
                .build();
        GatewayConfig.Cost cost = config.getConfigMapping(GatewayConfig.class).cost();
        settings = CostSettings.of(cost);
        production = CostPolicy.of(cost);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{ notices(first: 2) { edges { node { number } } } }",
            "{ notices(first: 50) { edges { node { id number } } } }",
            "{ riskLevel(address: \"晋阳紫城4号楼10单元\", asOf: \"2022-11-30\") { designated level { code } notice { number } designation { text } } }",
            "query Single { notices(first: 10) { edges { node { id number title issuer issueDate effectiveDate status legalBasis } } } riskLevels { code name } }",
            "{ searchAreas(text: \"书林苑\") { id fullName } }",
            "{ __schema { types { name } queryType { fields { name } } directives { name } } }",
            EXAMPLE})
    void publicQueriesOfTheRepositoryPassAnonymously(String query) {
        assertFalse(production.refuses(estimate(query), false), () -> query + " costs " + estimate(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {BENCHMARK_DEEP, GATE_SHIFTS, EXAMPLE})
    void staffQueriesOfTheRepositoryPassSignedIn(String query) {
        assertFalse(production.refuses(estimate(query), true), () -> query + " costs " + estimate(query));
    }

    @Test
    void theIssuesExampleIsRefusedAnonymouslyAndOneLevelMoreForEveryone() {
        assertEquals(1 + 30 * (2 + 30 * (2 + 30 * 2)), estimate(ISSUE_EXAMPLE), "Notice.designations: 30");
        assertTrue(production.refuses(estimate(ISSUE_EXAMPLE), false));
        String deeper = ISSUE_EXAMPLE.replace("notice { id }", "notice { designations { notice { id } } }");
        assertTrue(production.refuses(estimate(deeper), true), () -> "costs " + estimate(deeper));
    }

    private static double estimate(String query) {
        Document doc = Parser.parse(query);
        return new OperationCostAnalyzer(supergraph.apiSchema(), new CostModel(supergraph, settings))
                .analyze(doc, doc.getDefinitionsOfType(OperationDefinition.class).get(0)).cost()
                .evaluate(Map.of("id", "1", "from", "x", "to", "y"));
    }
}
