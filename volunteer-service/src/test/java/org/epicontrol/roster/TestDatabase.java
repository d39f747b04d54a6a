package org.epicontrol.roster;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.epicontrol.testsupport.PostgresTestResource;

/** Every test of this service runs against one real (embedded) PostgreSQL and an OIDC server stub for tokens. */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "volunteers"))
public final class TestDatabase {

    private TestDatabase() {
    }
}
