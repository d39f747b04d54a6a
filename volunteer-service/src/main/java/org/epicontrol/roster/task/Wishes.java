package org.epicontrol.roster.task;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.PageInfo;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 微心愿: posted for residents (by the community's admins or its grid workers, optionally on a household of the
 * community), claimed by exactly one volunteer of a claimant kind ({@code wishes.claimant-kinds}; the claim is a
 * guarded UPDATE).
 */
@ApplicationScoped
public class Wishes {

    private static final String CURSOR = "wish";
    private static final String COLUMNS = "w.id as w_id, w.community_id as w_community_id, w.household as w_household,"
            + " w.kind as w_kind, w.description as w_description, w.status as w_status, w.claimed_by as w_claimed_by,"
            + " w.created_at as w_created_at, w.household_id as w_household_id, w.posted_by as w_posted_by";

    private final Pool pool;
    private final OrgUnits units;
    private final AuditTrail audit;
    private final WishesConfig config;

    public Wishes(Pool pool, OrgUnits units, AuditTrail audit, WishesConfig config) {
        this.pool = pool;
        this.units = units;
        this.audit = audit;
        this.config = config;
    }

    private static Wish map(Row row) {
        return new Wish(String.valueOf(row.getLong("w_id")), row.getString("w_household"),
                WishKind.valueOf(row.getString("w_kind")), row.getString("w_description"),
                WishStatus.valueOf(row.getString("w_status")), row.getOffsetDateTime("w_created_at"),
                row.getString("w_posted_by"), row.getLong("w_community_id"), row.getLong("w_claimed_by"),
                row.getLong("w_household_id"));
    }

    /** A new OPEN wish of the community; {@code householdId}, if given, must be an active household of it. */
    public Uni<Wish> post(long communityId, Long householdId, String household, WishKind kind, String description,
                          Permit permit) {
        if (kind == null) {
            throw DomainException.invalid("kind is required");
        }
        String who = Texts.required(household, 200, "household");
        String what = Texts.required(description, 1000, "description");
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("insert into wish as w (community_id, household, kind,"
                                + " description, household_id, posted_by) select o.id, $2, $3, $4, $5, $6 from org_unit o"
                                + " where o.id = $1 and o.kind = 'COMMUNITY' and ($5::bigint is null or exists (select 1"
                                + " from household h where h.id = $5 and h.community_id = o.id and h.active))"
                                + " returning " + COLUMNS)
                        .execute(Tuple.from(Arrays.asList(communityId, who, kind.name(), what, householdId,
                                actor.username())))
                        .call(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, "POST_WISH", "Wish", rows.iterator().next().getLong("w_id"),
                                        householdId == null ? Map.of("communityId", communityId, "kind", kind.name())
                                                : Map.of("communityId", communityId, "kind", kind.name(),
                                                "householdId", householdId))))
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(map(rows.iterator().next()))
                        : units.byId(communityId, null).map(unit -> {
                            if (unit.kind() == OrgKind.COMMUNITY) {
                                throw DomainException.invalid("household " + householdId + " is not an active"
                                        + " household of community " + communityId);
                            }
                            throw DomainException.invalid("a wish is posted to a community; unit " + communityId
                                    + " is a " + unit.kind().name().toLowerCase(Locale.ROOT));
                        }));
    }

    /**
     * Of concurrent claims exactly one wins: the others find the row no longer OPEN once they get to it. Only an
     * active volunteer with a claimant kind ({@code wishes.claimant-kinds}) claims; anyone else gets NOT_QUALIFIED.
     */
    public Uni<Wish> claim(long wishId, long volunteerId, Permit permit) {
        String[] claimants = config.claimantKinds().stream().map(Enum::name).sorted().toArray(String[]::new);
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("update wish as w set status = 'CLAIMED', claimed_by = $2"
                                + " where w.id = $1 and w.status = 'OPEN' and exists (select 1 from volunteer v"
                                + " where v.id = $2 and v.active and v.kinds && $3) returning " + COLUMNS)
                        .execute(Tuple.of(wishId, volunteerId, claimants))
                        .call(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, "CLAIM_WISH", "Wish", wishId, Map.of("volunteerId", volunteerId))))
                .chain(rows -> {
                    if (rows.rowCount() == 1) {
                        return Uni.createFrom().item(map(rows.iterator().next()));
                    }
                    return pool.preparedQuery("""
                                    select w.status, w.claimed_by,
                                           (select v.active from volunteer v where v.id = $2) as active,
                                           (select v.kinds && $3 from volunteer v where v.id = $2) as qualified
                                    from wish w where w.id = $1""")
                            .execute(Tuple.of(wishId, volunteerId, claimants))
                            .map(found -> {
                                if (found.size() == 0) {
                                    throw DomainException.notFound("wish", wishId);
                                }
                                Row row = found.iterator().next();
                                if (Boolean.FALSE.equals(row.getBoolean("qualified"))) {
                                    throw new DomainException("NOT_QUALIFIED", "volunteer " + volunteerId + " may not"
                                            + " claim wishes: only " + String.join(", ", claimants) + " do");
                                }
                                WishStatus status = WishStatus.valueOf(row.getString("status"));
                                if (status == WishStatus.CLAIMED || status == WishStatus.FULFILLED) {
                                    throw new DomainException("ALREADY_CLAIMED", "wish " + wishId
                                            + " was already claimed by volunteer " + row.getLong("claimed_by"));
                                }
                                if (status != WishStatus.OPEN) {
                                    throw new DomainException("INVALID_TRANSITION", "wish " + wishId + " is " + status
                                            + "; only an OPEN wish can be claimed");
                                }
                                if (row.getBoolean("active") == null) {
                                    throw DomainException.notFound("volunteer", volunteerId);
                                }
                                throw DomainException.invalid("volunteer " + volunteerId + " is not active");
                            });
                });
    }

    public Uni<Wish> fulfil(long wishId, Permit permit) {
        return move(wishId, "FULFILLED", List.of(WishStatus.CLAIMED), "fulfilled", permit);
    }

    public Uni<Wish> cancel(long wishId, Permit permit) {
        return move(wishId, "CANCELLED", List.of(WishStatus.OPEN, WishStatus.CLAIMED), "cancelled", permit);
    }

    private Uni<Wish> move(long wishId, String to, List<WishStatus> from, String verb, Permit permit) {
        String[] statuses = from.stream().map(Enum::name).toArray(String[]::new);
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("update wish as w set status = $2 where w.id = $1"
                                + " and w.status = any($3) returning " + COLUMNS)
                        .execute(Tuple.of(wishId, to, statuses))
                        .call(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, to.equals("FULFILLED") ? "FULFIL_WISH" : "CANCEL_WISH", "Wish",
                                        wishId, Map.of("status", to))))
                .chain(rows -> {
                    if (rows.rowCount() == 1) {
                        return Uni.createFrom().item(map(rows.iterator().next()));
                    }
                    return pool.preparedQuery("select status from wish where id = $1").execute(Tuple.of(wishId))
                            .map(found -> {
                                if (found.size() == 0) {
                                    throw DomainException.notFound("wish", wishId);
                                }
                                throw new DomainException("INVALID_TRANSITION", "wish " + wishId + " is "
                                        + found.iterator().next().getString("status") + "; only a wish that is "
                                        + String.join(" or ", statuses) + " can be " + verb);
                            });
                });
    }

    /** Wishes of a community, oldest first. */
    public Uni<WishConnection> ofCommunity(long communityId, WishStatus status, int first, String after) {
        Long cursorId = Cursor.decodeId(CURSOR, after);
        long afterId = cursorId == null ? 0 : cursorId;
        return units.byId(communityId, OrgKind.COMMUNITY).chain(community -> pool.preparedQuery("select " + COLUMNS
                        + " from wish w where w.community_id = $1 and ($2::text is null or w.status = $2)"
                        + " and w.id > $3 order by w.id limit $4")
                .execute(Tuple.from(Arrays.asList(communityId, status == null ? null : status.name(), afterId, first + 1)))
                .map(rows -> {
                    List<WishConnection.Edge> edges = new ArrayList<>();
                    for (Row row : rows) {
                        Wish wish = map(row);
                        edges.add(new WishConnection.Edge(Cursor.encode(CURSOR, wish.id()), wish));
                    }
                    boolean more = edges.size() > first;
                    if (more) {
                        edges = edges.subList(0, first);
                    }
                    return new WishConnection(List.copyOf(edges),
                            new PageInfo(more, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
                }));
    }
}
