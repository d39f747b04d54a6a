package org.epicontrol.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The tests that the checks can fail: each test doctors one thing in a fresh copy of the plain trial manifests and
 * expects a check to name it. The undoctored manifests pass every check ({@link ChecksTest}), so each failure is the
 * doctoring's.
 */
abstract class DoctoredManifests {

    final Map<String, ServiceContract> contracts = ServiceContract.all();
    Cluster cluster;

    @BeforeEach
    void freshManifests() {
        cluster = PlainManifests.trial();
    }

    static void assertProblem(List<String> problems, String... fragments) {
        assertTrue(problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains)),
                () -> "expected a problem containing " + List.of(fragments) + ", got " + problems);
    }

    static ObjectNode probe(ObjectNode container, String probe) {
        return (ObjectNode) container.path(probe).path("httpGet");
    }
}
