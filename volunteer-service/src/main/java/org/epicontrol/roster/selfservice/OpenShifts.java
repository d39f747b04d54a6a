package org.epicontrol.roster.selfservice;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.shift.Qualification;
import org.epicontrol.roster.shift.Shift;
import org.epicontrol.roster.shift.ShiftRows;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shifts a volunteer may take: of their community's posts open at the shift's start, not cancelled, not started
 * yet, with a free place, not theirs already, and of posts they are qualified for ({@link Qualification}, the rule
 * a sign-up applies). Overlaps with their own shifts and working-time limits are left to the sign-up, which refuses
 * them with its codes.
 */
@ApplicationScoped
public class OpenShifts {

    // The window is at most 62 days of one community's posts (a few hundred shifts): all candidates are read, then
    // the qualification rule, which lives in Java, keeps the first ones the person may staff.
    private static final String CANDIDATES = "select " + ShiftRows.SHIFT_COLUMNS + ","
            + " p.name as post_name, p.allowed_kinds, p.required_skill, v.kinds, v.skills"
            + """
             from volunteer v
            join duty_post p on p.community_id = v.community_id
            join shift s on s.post_id = p.id
            where v.id = $1 and v.active
              and not s.cancelled and s.during && tstzrange($2, $3) and lower(s.during) > now()
              and lower(s.during) < coalesce(p.active_until, 'infinity')
              and (select count(*) from assignment a where a.shift_id = s.id and a.status = 'ACTIVE') < s.required_headcount
              and not exists (select 1 from assignment a
                              where a.shift_id = s.id and a.volunteer_id = v.id and a.status = 'ACTIVE')
            order by lower(s.during), s.id""";

    private final Pool pool;

    public OpenShifts(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Shift>> of(long volunteerId, OffsetDateTime from, OffsetDateTime to, int first) {
        return pool.preparedQuery(CANDIDATES).execute(Tuple.of(volunteerId, from, to)).map(rows -> {
            List<Shift> open = new ArrayList<>();
            for (Row row : rows) {
                if (open.size() == first) {
                    break;
                }
                Qualification post = Qualification.of(row.getString("post_name"), row.getArrayOfStrings("allowed_kinds"),
                        row.getString("required_skill"));
                if (post.admits(volunteerId, Arrays.asList(row.getArrayOfStrings("kinds")),
                        Arrays.asList(row.getArrayOfStrings("skills")))) {
                    open.add(ShiftRows.shift(row));
                }
            }
            return open;
        });
    }
}
