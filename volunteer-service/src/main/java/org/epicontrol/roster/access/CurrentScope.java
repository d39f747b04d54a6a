package org.epicontrol.roster.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import org.epicontrol.common.security.Caller;

/** The caller's scope, resolved at most once per request however many fields ask for it. */
@RequestScoped
public class CurrentScope {

    private final SecurityIdentity identity;
    private final ScopeResolver resolver;
    private Uni<Scope> scope;

    public CurrentScope(SecurityIdentity identity, ScopeResolver resolver) {
        this.identity = identity;
        this.resolver = resolver;
    }

    public synchronized Uni<Scope> get() {
        if (scope == null) {
            scope = resolver.resolve(Caller.of(identity)).memoize().indefinitely();
        }
        return scope;
    }
}
