package org.epicontrol.roster.shift;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.config.RosterConfig;

import java.time.Duration;

/**
 * The working-time limits in force for a community: its own roster rule ({@code community_rules}) where it set one,
 * else the service's ({@code roster.max-hours-per-24h}, {@code roster.min-rest-hours}). The one place this fallback
 * lives: sign-ups ({@link Roster}) and auto-rostering read their limits through it.
 */
@ApplicationScoped
public class CommunityLimits {

    /** The columns of {@code community_rules} a query selects for {@link #of(Row)}. */
    public static final String COLUMNS = "cr.max_hours_per_24h, cr.min_rest_hours";

    private final RosterConfig config;

    public CommunityLimits(RosterConfig config) {
        this.config = config;
    }

    /** The limits from a row that selected {@link #COLUMNS} (null columns: the community set none). */
    public Limits of(Row row) {
        return of(row == null ? null : row.getInteger("max_hours_per_24h"),
                row == null ? null : row.getInteger("min_rest_hours"));
    }

    public Limits of(Integer maxHoursPer24h, Integer minRestHours) {
        return new Limits(Duration.ofHours(maxHoursPer24h == null ? config.maxHoursPer24h() : maxHoursPer24h),
                Duration.ofHours(minRestHours == null ? config.minRestHours() : minRestHours));
    }

    /** The community's limits, read on the caller's connection. */
    public Uni<Limits> of(SqlClient client, long communityId) {
        return client.preparedQuery("select " + COLUMNS + " from community_rules cr where cr.community_id = $1")
                .execute(Tuple.of(communityId))
                .map(rows -> of(rows.size() == 0 ? null : rows.iterator().next()));
    }
}
