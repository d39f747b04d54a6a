package org.epicontrol.roster.people;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Teams and their members (SQL). A person may be in several teams; the leader is a member (the database refuses a
 * leader without membership: {@code team_leader_is_member}); a team of a community takes only that community's
 * volunteers, a city-wide team anyone's.
 */
@ApplicationScoped
public class Teams {

    private static final String COLUMNS = "t.id, t.name, t.kind, t.community_id, t.leader_id";

    private final Pool pool;
    private final AuditTrail audit;

    public Teams(Pool pool, AuditTrail audit) {
        this.pool = pool;
        this.audit = audit;
    }

    private static Team map(Row row) {
        return new Team(String.valueOf(row.getLong("id")), row.getString("name"), TeamKind.valueOf(row.getString("kind")),
                row.getLong("community_id"), row.getLong("leader_id"));
    }

    public Uni<Team> create(String name, Long communityId, TeamKind kind, Long leaderId, Permit permit) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw DomainException.invalid("a team name has 1 to 100 characters");
        }
        TeamKind teamKind = kind == null ? TeamKind.OTHER : kind;
        Map<String, Object> details = new HashMap<>();
        details.put("name", trimmed);
        details.put("communityId", communityId);
        details.put("kind", teamKind.name());
        details.put("leaderId", leaderId);
        return permit.transaction(pool, (tx, actor) -> checkCommunity(tx, communityId)
                        .chain(() -> tx.preparedQuery("insert into team (name, community_id, kind, leader_id)"
                                        + " values ($1, $2, $3, $4) returning id")
                                .execute(Tuple.of(trimmed, communityId, teamKind.name(), leaderId)))
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .call(team -> leaderId == null ? Uni.createFrom().voidItem() : join(tx, team, leaderId))
                        .call(team -> audit.record(tx, actor, "CREATE_TEAM", "Team", team, details)))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> new DomainException("DUPLICATE_NAME", "a team named " + trimmed + " exists"))
                .chain(this::byId);
    }

    public Uni<Team> addMember(long teamId, long volunteerId, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> join(tx, teamId, volunteerId)
                        .call(() -> audit.record(tx, actor, "ADD_TEAM_MEMBER", "Team", teamId,
                                Map.of("volunteerId", volunteerId))))
                .chain(() -> byId(teamId));
    }

    public Uni<Team> removeMember(long teamId, long volunteerId, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> lockTeam(tx, teamId).chain(team -> {
                    if (team.leaderId() != null && team.leaderId() == volunteerId) {
                        throw new DomainException("LEADER_CANNOT_LEAVE", "volunteer " + volunteerId
                                + " leads team " + teamId + "; name another leader first");
                    }
                    return tx.preparedQuery("delete from team_member where team_id = $1 and volunteer_id = $2")
                            .execute(Tuple.of(teamId, volunteerId));
                }).chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new DomainException("NOT_A_MEMBER", "volunteer " + volunteerId + " is not in team " + teamId);
                    }
                    return audit.record(tx, actor, "REMOVE_TEAM_MEMBER", "Team", teamId, Map.of("volunteerId", volunteerId));
                }))
                .chain(() -> byId(teamId));
    }

    /**
     * Makes a volunteer a member inside the caller's transaction (createVolunteer with a team, addTeamMember): the
     * team's row locked, the volunteer active and of the team's community (any community for a city-wide team).
     * Joining twice is refused with ALREADY_MEMBER.
     */
    public Uni<Void> join(SqlClient tx, long teamId, long volunteerId) {
        return lockTeam(tx, teamId)
                .chain(team -> tx.preparedQuery("select community_id, active from volunteer where id = $1")
                        .execute(Tuple.of(volunteerId))
                        .map(rows -> {
                            if (rows.size() == 0) {
                                throw DomainException.notFound("volunteer", volunteerId);
                            }
                            Row v = rows.iterator().next();
                            if (!v.getBoolean("active")) {
                                throw new DomainException("VOLUNTEER_INACTIVE", "volunteer " + volunteerId + " is not active");
                            }
                            if (team.communityId() != null && !team.communityId().equals(v.getLong("community_id"))) {
                                throw new DomainException("OTHER_COMMUNITY", "team " + teamId + " takes volunteers of"
                                        + " its own community only");
                            }
                            return team;
                        }))
                .chain(team -> tx.preparedQuery("insert into team_member (team_id, volunteer_id) values ($1, $2)"
                                + " on conflict do nothing")
                        .execute(Tuple.of(teamId, volunteerId)))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new DomainException("ALREADY_MEMBER", "volunteer " + volunteerId + " is in team " + teamId);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Team> lockTeam(SqlClient tx, long teamId) {
        return tx.preparedQuery("select " + COLUMNS + " from team t where t.id = $1 for no key update")
                .execute(Tuple.of(teamId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("team", teamId);
                    }
                    return map(rows.iterator().next());
                });
    }

    private static Uni<Void> checkCommunity(SqlClient tx, Long communityId) {
        if (communityId == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("select 1 from org_unit where id = $1 and kind = 'COMMUNITY'").execute(Tuple.of(communityId))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("community", communityId);
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Team> byId(long id) {
        return byIds(List.of(id)).map(list -> {
            if (list.get(0) == null) {
                throw DomainException.notFound("team", id);
            }
            return list.get(0);
        });
    }

    /** One position per id, null where no team has that id. */
    public Uni<List<Team>> byIds(List<Long> ids) {
        return pool.preparedQuery("select " + COLUMNS + " from team t where t.id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Team> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getLong("id"), map(row)));
                    return ids.stream().map(found::get).toList();
                });
    }

    /** The member ids of each team, in joining order. */
    public Uni<List<List<Long>>> memberIds(List<Long> teamIds) {
        return pool.preparedQuery("select team_id, volunteer_id from team_member where team_id = any($1)"
                        + " order by joined_at, volunteer_id")
                .execute(Tuple.of((Object) teamIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<Long>> byTeam = new HashMap<>();
                    rows.forEach(row -> byTeam.computeIfAbsent(row.getLong("team_id"), k -> new ArrayList<>())
                            .add(row.getLong("volunteer_id")));
                    return teamIds.stream().map(id -> byTeam.getOrDefault(id, List.of())).toList();
                });
    }

    /** The teams a volunteer is in. */
    public Uni<List<List<Long>>> teamIdsOf(List<Long> volunteerIds) {
        return pool.preparedQuery("select volunteer_id, team_id from team_member where volunteer_id = any($1) order by team_id")
                .execute(Tuple.of((Object) volunteerIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<Long>> byVolunteer = new HashMap<>();
                    rows.forEach(row -> byVolunteer.computeIfAbsent(row.getLong("volunteer_id"), k -> new ArrayList<>())
                            .add(row.getLong("team_id")));
                    return volunteerIds.stream().map(id -> byVolunteer.getOrDefault(id, List.of())).toList();
                });
    }
}
