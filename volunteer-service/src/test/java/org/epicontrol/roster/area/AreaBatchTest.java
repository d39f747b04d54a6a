package org.epicontrol.roster.area;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.epicontrol.roster.area.AreaTreeTest.linkedPost;
import static org.epicontrol.roster.area.AreaTreeTest.linkedUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A batch of areas costs one SQL statement per Area field, whatever the number of areas and the length of their
 * paths: counted by the database itself (pg_stat_statements), as the system administrator (whose reads need no
 * look-ups of where objects sit).
 */
@QuarkusTest
class AreaBatchTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Each field's statement, told apart by a piece of its text (other work of the service may run meanwhile). */
    private static final Map<String, String> STATEMENTS = new TreeMap<>(Map.of(
            "responsibleGrid", "from unnest($1::text[], $2::text[], $3::int[])",
            "dutyPosts", "from duty_post p where p.area_id = any($1)",
            "onDutyNow", "from duty_post p join shift s",
            "openTasks", "with wanted(area_id)"));

    @Inject
    Pool pool;

    @BeforeEach
    void countStatements() {
        pool.query("create extension if not exists pg_stat_statements").execute().await().atMost(WAIT);
    }

    @Test
    void twoHundredAreasCostOneStatementPerFieldAsTwoDo() {
        AreaTreeTest.Tree tree = new AreaTreeTest.Tree("太原市", "小店区", "西贾社区", "书林苑小区");
        String community = RosterFixtures.community();
        linkedUnit("GRID", RosterFixtures.unique("网格"), community, tree.id("书林苑小区"));
        linkedPost(community, "北门", tree.id("书林苑小区"));
        List<Map<String, Object>> units = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            AreaTreeTest.Tree building = tree.child("书林苑小区" + i + "号楼").child("书林苑小区" + i + "号楼1单元");
            units.add(building.representation("书林苑小区" + i + "号楼1单元"));
        }
        read(units.subList(0, 2)); // prepares the statements, caches the caller's scope
        Map<String, Long> once = new TreeMap<>();
        STATEMENTS.keySet().forEach(field -> once.put(field, 1L));

        assertEquals(once, statementsOf(() -> read(units.subList(0, 2))));
        assertEquals(once, statementsOf(() -> read(units)));
    }

    private static void read(List<Map<String, Object>> representations) {
        List<Map<String, Object>> areas = AreaTreeTest.entities(representations.toArray(Map[]::new));
        assertEquals(representations.size(), areas.size());
        areas.forEach(a -> assertNotNull(a.get("responsibleGrid"), "every unit lies inside the linked compound"));
    }

    /** How often each field's statement ran while {@code work} did. */
    private Map<String, Long> statementsOf(Runnable work) {
        pool.query("select pg_stat_statements_reset()").execute().await().atMost(WAIT);
        work.run();
        Map<String, Long> calls = new TreeMap<>();
        for (Map.Entry<String, String> statement : STATEMENTS.entrySet()) {
            calls.put(statement.getKey(), pool.preparedQuery("select coalesce(sum(calls), 0) as n from pg_stat_statements"
                            + " where dbid = (select oid from pg_database where datname = current_database())"
                            + " and strpos(query, $1) > 0 and query not like '%pg_stat_statements%'")
                    .execute(Tuple.of(statement.getValue())).await().atMost(WAIT).iterator().next().getLong("n"));
        }
        return calls;
    }
}
