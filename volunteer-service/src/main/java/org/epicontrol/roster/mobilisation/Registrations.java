package org.epicontrol.roster.mobilisation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.Ids;
import org.epicontrol.common.security.Caller;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.access.ScopeResolver;
import org.epicontrol.roster.audit.Actor;
import org.epicontrol.roster.audit.AuditTrail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registrations to volunteer (SQL). One open (PENDING) registration per account (unique index); an account already
 * linked to a volunteer cannot register (ALREADY_VOLUNTEER). Approval, in one transaction: the registration
 * APPROVED, the volunteer created and linked to the account ({@code volunteer.user_id} is unique: the database
 * refuses a second volunteer of one account), the realm-role grant recorded as pending; after it commits kept
 * scopes are forgotten and the grant is tried ({@link RoleGrants}).
 */
@ApplicationScoped
public class Registrations {

    private static final String COLUMNS = "g.id, g.user_id, g.name, g.phone, g.kind, g.work_unit, g.skills,"
            + " g.community_id, g.status, g.reason, g.created_at, g.decided_by, g.decided_at, g.volunteer_id,"
            + " g.role_granted_at";

    private final Pool pool;
    private final AuditTrail audit;
    private final ScopeResolver scopes;
    private final RoleGrants grants;

    public Registrations(Pool pool, AuditTrail audit, ScopeResolver scopes, RoleGrants grants) {
        this.pool = pool;
        this.audit = audit;
        this.scopes = scopes;
        this.grants = grants;
    }

    private static VolunteerRegistration map(Row row) {
        return new VolunteerRegistration(String.valueOf(row.getLong("id")), row.getString("name"),
                RegistrationKind.valueOf(row.getString("kind")), row.getString("work_unit"),
                Arrays.asList(row.getArrayOfStrings("skills")), RegistrationStatus.valueOf(row.getString("status")),
                row.getOffsetDateTime("created_at"), row.getString("decided_by"), row.getOffsetDateTime("decided_at"),
                row.getString("reason"), row.getOffsetDateTime("role_granted_at") != null, row.getLong("community_id"),
                row.getLong("volunteer_id"), row.getString("user_id"), row.getString("phone"));
    }

    public Uni<VolunteerRegistration> register(RegistrationInput input, Caller caller) {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.invalid("name must have 1 to 100 characters");
        }
        if (input.phone() != null && !input.phone().matches("\\+?[0-9][0-9 -]{4,19}")) {
            throw DomainException.invalid("phone '" + input.phone() + "' is not a phone number");
        }
        String workUnit = input.workUnit() == null || input.workUnit().isBlank() ? null : input.workUnit().strip();
        if (input.kind() == RegistrationKind.IN_SERVICE_PARTY_MEMBER && workUnit == null) {
            throw DomainException.invalid("an in-service party member (双报到) names their work unit");
        }
        if (workUnit != null && workUnit.length() > 200) {
            throw DomainException.invalid("a work unit has at most 200 characters");
        }
        long community = Ids.parse(input.communityId());
        String[] skills = input.skills() == null ? new String[0]
                : input.skills().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
        String insert = """
                insert into volunteer_registration (user_id, username, name, phone, kind, work_unit, skills, community_id)
                values ($1, $2, $3, $4, $5, $6, $7, $8) returning id""";
        return pool.withTransaction(tx -> tx.preparedQuery("select path_ids from org_unit where id = $1 and kind = 'COMMUNITY'")
                        .execute(Tuple.of(community))
                        .chain(units -> {
                            if (units.size() == 0) {
                                throw DomainException.notFound("community", community);
                            }
                            Actor actor = new Actor(caller.username(), caller.subject(),
                                    Arrays.asList(units.iterator().next().getArrayOfLongs("path_ids")));
                            return tx.preparedQuery("select id from volunteer where user_id = $1").execute(Tuple.of(caller.subject()))
                                    .chain(linked -> {
                                        if (linked.size() > 0) {
                                            throw new DomainException("ALREADY_VOLUNTEER", "your account is already"
                                                    + " linked to volunteer " + linked.iterator().next().getLong("id"));
                                        }
                                        return tx.preparedQuery(insert).execute(Tuple.from(Arrays.asList(caller.subject(),
                                                caller.username() == null ? caller.subject() : caller.username(), name,
                                                input.phone(), input.kind().name(), workUnit, skills, community)));
                                    })
                                    .map(rows -> rows.iterator().next().getLong("id"))
                                    // the phone is personal data: the trail says whether one was given
                                    .call(id -> audit.record(tx, actor, "REGISTER_VOLUNTEER", "VolunteerRegistration", id,
                                            Map.of("communityId", community, "kind", input.kind().name(),
                                                    "phoneGiven", input.phone() != null)));
                        }))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> new DomainException("ALREADY_REGISTERED",
                        "your account has a registration waiting for a decision"))
                .chain(this::byId);
    }

    public Uni<VolunteerRegistration> approve(long id, Permit permit) {
        String volunteer = """
                insert into volunteer (name, phone, community_id, kinds, skills, user_id)
                values ($1, $2, $3, array[$4], $5, $6) returning id""";
        return permit.transaction(pool, (tx, actor) -> lockPending(tx, id)
                        .chain(g -> tx.preparedQuery(volunteer)
                                .execute(Tuple.from(Arrays.asList(g.name(), g.phoneNumber(), g.communityId(),
                                        g.kind().volunteerKind().name(), g.skills().toArray(String[]::new), g.userId())))
                                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                                .transform(e -> new DomainException("ALREADY_VOLUNTEER", "the account of registration "
                                        + id + " is already linked to a volunteer"))
                                .map(rows -> rows.iterator().next().getLong("id")))
                        .chain(v -> tx.preparedQuery("update volunteer_registration set status = 'APPROVED', decided_by = $2,"
                                        + " decided_at = now(), volunteer_id = $3 where id = $1")
                                .execute(Tuple.of(id, actor.username(), v))
                                .call(() -> audit.record(tx, actor, "APPROVE_REGISTRATION", "VolunteerRegistration", id,
                                        Map.of("volunteerId", v)))))
                // the account now acts as that volunteer: scopes kept per token are stale
                .call(scopes::forgetAll)
                .call(() -> grants.grant(id))
                .chain(() -> byId(id));
    }

    public Uni<VolunteerRegistration> reject(long id, String reason, Permit permit) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw DomainException.invalid("a rejection needs a reason of 1 to 500 characters");
        }
        return permit.transaction(pool, (tx, actor) -> lockPending(tx, id)
                        .chain(() -> tx.preparedQuery("update volunteer_registration set status = 'REJECTED', reason = $2,"
                                        + " decided_by = $3, decided_at = now() where id = $1")
                                .execute(Tuple.of(id, why, actor.username())))
                        .call(() -> audit.record(tx, actor, "REJECT_REGISTRATION", "VolunteerRegistration", id,
                                Map.of("reason", why))))
                .chain(() -> byId(id));
    }

    /** The registrant takes back a registration still waiting for a decision (their own, by account). */
    public Uni<VolunteerRegistration> withdraw(long id, Caller caller) {
        return pool.withTransaction(tx -> lockPending(tx, id).chain(g -> {
                    if (!g.userId().equals(caller.subject())) {
                        throw DomainException.forbidden("withdrawRegistration: registration " + id + " is not yours");
                    }
                    return tx.preparedQuery("update volunteer_registration set status = 'WITHDRAWN' where id = $1")
                            .execute(Tuple.of(id))
                            .call(() -> audit.record(tx, new Actor(caller.username(), caller.subject(), List.of()),
                                    "WITHDRAW_REGISTRATION", "VolunteerRegistration", id, Map.of()));
                }))
                .chain(() -> byId(id));
    }

    private static Uni<VolunteerRegistration> lockPending(SqlClient tx, long id) {
        return tx.preparedQuery("select " + COLUMNS + " from volunteer_registration g where g.id = $1"
                        // NO KEY UPDATE: no conflict with the KEY SHARE lock the permit took first, so two deciders queue
                        + " for no key update")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("registration", id);
                    }
                    VolunteerRegistration g = map(rows.iterator().next());
                    if (g.status() != RegistrationStatus.PENDING) {
                        throw new DomainException("REGISTRATION_DECIDED", "registration " + id + " is "
                                + g.status() + ", no longer pending");
                    }
                    return g;
                });
    }

    public Uni<VolunteerRegistration> byId(long id) {
        return byIds(List.of(id)).map(list -> {
            if (list.get(0) == null) {
                throw DomainException.notFound("registration", id);
            }
            return list.get(0);
        });
    }

    /** One position per id, null where none has that id. */
    public Uni<List<VolunteerRegistration>> byIds(List<Long> ids) {
        return pool.preparedQuery("select " + COLUMNS + " from volunteer_registration g where g.id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, VolunteerRegistration> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getLong("id"), map(row)));
                    return ids.stream().map(found::get).toList();
                });
    }

    /** The account's own registrations, newest first. */
    public Uni<List<VolunteerRegistration>> ofAccount(String userId) {
        return pool.preparedQuery("select " + COLUMNS + " from volunteer_registration g where g.user_id = $1 order by g.id desc")
                .execute(Tuple.of(userId)).map(Registrations::list);
    }

    /** A community's registrations (of one status, or all), oldest first: the queue to decide. */
    public Uni<List<VolunteerRegistration>> ofCommunity(long communityId, RegistrationStatus status, int first) {
        return pool.preparedQuery("select " + COLUMNS + " from volunteer_registration g where g.community_id = $1"
                        + " and ($2::text is null or g.status = $2) order by g.id limit $3")
                .execute(Tuple.of(communityId, status == null ? null : status.name(), first))
                .map(Registrations::list);
    }

    private static List<VolunteerRegistration> list(RowSet<Row> rows) {
        List<VolunteerRegistration> list = new ArrayList<>();
        rows.forEach(row -> list.add(map(row)));
        return list;
    }
}
