package org.epicontrol.roster.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * Reads of the Hibernate Reactive (Panache) aggregates from GraphQL fields, each in a session of its own. GraphQL
 * resolves the fields of one request side by side on one Vert.x context, and the session Panache keeps in that
 * context takes one operation at a time ("Illegal pop() with non-matching JdbcValuesSourceProcessingState" when two
 * aliased fields share it). Writes keep Panache's transaction of the context: they run one at a time.
 */
@ApplicationScoped
public class Reading {

    private final Mutiny.SessionFactory sessions;

    public Reading(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public <T> Uni<T> apply(Function<Mutiny.Session, Uni<T>> read) {
        return sessions.openSession().chain(session -> read.apply(session).eventually(session::close));
    }
}
