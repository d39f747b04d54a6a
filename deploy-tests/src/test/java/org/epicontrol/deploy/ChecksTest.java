package org.epicontrol.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plain trial manifests pass every check, so that each doctored copy's failure in the concern's own test
 * ({@link WorkloadChecksTest}, {@link ReferenceChecksTest}, {@link AvailabilityChecksTest}, {@link ExposureChecksTest},
 * {@link EndpointChecksTest}) is the doctoring's.
 */
class ChecksTest extends DoctoredManifests {

    @Test
    void theUndoctoredPlainManifestsPass() {
        assertEquals(List.of(), Checks.all(cluster, contracts, Map.of()));
    }
}
