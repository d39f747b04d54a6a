package org.epicontrol.e2e;

import org.epicontrol.devsuite.SuiteLauncher;
import org.epicontrol.e2e.access.AccessPolicy;
import org.epicontrol.e2e.access.AccessReport;
import org.epicontrol.e2e.access.AccessSamples;
import org.epicontrol.e2e.access.AccessWalk;
import org.epicontrol.e2e.access.ArgumentProviders;
import org.epicontrol.e2e.access.DemoCallers;
import org.epicontrol.e2e.access.GraphQLClient;
import org.epicontrol.e2e.access.OwnershipIndex;
import org.epicontrol.e2e.access.QueryGenerator;
import org.epicontrol.e2e.access.Schema;
import org.epicontrol.e2e.access.TwoCommunitiesData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field path of the composed API, read by every demo role and anonymously, against real data of two
 * communities and a draft notice, judged by the policy table {@code access/access-policy.tsv}. Generated from
 * introspection: a field added to the schema is walked without a change here, and fails until the table covers it.
 * Federation lookups ({@code _entities}) are not part of the gateway's API; the subgraphs answer them to anyone who
 * reaches them inside the cluster, so the same walk runs there, for every entity type with the samples' ids.
 */
@ExtendWith(SuiteExtension.class)
class SchemaWideAccessTest {

    /** Object levels below a root field: Area → dutyPosts → shifts → assignments → volunteer → community. */
    private static final int DEPTH = 6;
    private static final String SYSTEM_ADMIN = "sysadmin";
    /** Probes read at once (one caller at a time waits on the gateway, the services and PostgreSQL in turn). */
    private static final int THREADS = 4;

    private final RunningSuite suite;
    private final GraphQLClient gateway;

    SchemaWideAccessTest(RunningSuite suite) {
        this.suite = suite;
        this.gateway = client(suite);
    }

    @BeforeAll
    static void dataInTwoCommunitiesAndADraft(RunningSuite suite) {
        // accounts as residents create them, with the demo password so that the walk's client signs them in too
        List<String> registrants = new ArrayList<>();
        for (String community : List.of("xijia", "nanneihuan")) {
            String username = "registrant-" + community + "-" + System.nanoTime();
            SelfRegistration.register(suite.keycloak().realmUrl(SuiteLauncher.Suite.REALM), username,
                    SuiteLauncher.Suite.DEMO_PASSWORD, "报到", "者");
            registrants.add(username);
        }
        TwoCommunitiesData.seed(client(suite), SYSTEM_ADMIN, "editor", "publisher", registrants);
    }

    @Test
    void noRoleReadsDataThePolicyForbids() {
        AccessPolicy policy = AccessPolicy.load("/access/access-policy.tsv");
        Schema schema = Schema.fromIntrospection(gateway.data(SYSTEM_ADMIN, Schema.INTROSPECTION));
        OwnershipIndex index = OwnershipIndex.discover(gateway, SYSTEM_ADMIN);
        ArgumentProviders samples = AccessSamples.build(index, gateway, SYSTEM_ADMIN);
        AccessWalk walk = new AccessWalk(policy, index, DemoCallers.load(suite.realmFile(), gateway, index),
                Integer.getInteger("access.walk.threads", THREADS));
        long started = System.nanoTime();

        QueryGenerator composed = new QueryGenerator(schema, samples, DEPTH);
        walk.run(gateway, schema, composed.rootProbes());
        Set<String> unprovided = new TreeSet<>(composed.unprovided());
        for (String subgraph : List.of(suite.noticeUrl(), suite.volunteerUrl())) {
            GraphQLClient endpoint = gateway.at(subgraph);
            Schema subgraphSchema = Schema.fromIntrospection(endpoint.data(SYSTEM_ADMIN, Schema.INTROSPECTION));
            QueryGenerator lookups = new QueryGenerator(subgraphSchema, samples, DEPTH);
            walk.run(endpoint, subgraphSchema, entityProbes(subgraphSchema, lookups, samples));
            unprovided.addAll(lookups.unprovided());
        }

        System.out.println("SchemaWideAccessTest: " + walk.requests() + " requests in "
                + (System.nanoTime() - started) / 1_000_000 + " ms (" + walk.skippedOverLimit()
                + " probes known to be over a limit not sent again); system-admin saw " + walk.seenBySystemAdmin());
        // a limit that refuses even a single chain of fields gives that caller nothing there: named, not a leak. The
        // chains and the report go to a file: thousands of lines on the test's output once held up Maven's fork.
        Path chains = Path.of("target", "access-walk-refused-chains.txt");
        write(chains, walk.refusedInSmallestForm().stream().collect(Collectors.joining("\n")));
        System.out.println("SchemaWideAccessTest: " + walk.refusedInSmallestForm().size()
                + " chains refused by a limit in their smallest form, listed in " + chains.toAbsolutePath());
        List<String> missing = policy.missingRules(schema);
        String report = AccessReport.of(missing, unprovided, walk.notRun(), walk.leaks());
        Path reportFile = Path.of("target", "access-walk-report.txt");
        write(reportFile, report);
        assertTrue(report.isEmpty(), () -> report.lines().limit(60).collect(Collectors.joining("\n"))
                + "\n(the whole report: " + reportFile.toAbsolutePath() + ")");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One lookup per entity type of the subgraph, of the ids every sample has of it (key fields: id). */
    private static List<QueryGenerator.Probe> entityProbes(Schema schema, QueryGenerator generator, ArgumentProviders samples) {
        List<QueryGenerator.Probe> probes = new ArrayList<>();
        for (String entity : schema.type("_Entity").possibleTypes()) {
            Map<String, String> ids = samples.ids(entity);
            if (ids.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> representations = ids.values().stream()
                    .map(id -> Map.<String, Object>of("__typename", entity, "id", id)).toList();
            probes.add(generator.entityProbe(entity, representations, List.copyOf(ids.keySet())));
        }
        return probes;
    }

    private static GraphQLClient client(RunningSuite suite) {
        return new GraphQLClient(suite.gatewayUrl(), suite::token);
    }
}
