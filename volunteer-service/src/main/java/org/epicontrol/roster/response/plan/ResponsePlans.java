package org.epicontrol.roster.response.plan;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.persistence.Reading;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Response plans: per level code, versioned by date (a version applies from valid_from until the next one's; the
 * database refuses overlapping versions). A plain create/read aggregate, so Hibernate Reactive Panache. A new version
 * is on the audit trail, written in its own transaction (which also claims the request's idempotency key).
 */
@ApplicationScoped
public class ResponsePlans {

    private static final Pattern LEVEL = Pattern.compile("^[A-Z][A-Z_]{1,29}$");
    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_-]{0,39}$");
    private static final String IN_FORCE = "levelCode = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)";

    private final Reading reading;
    private final AuditTrail audit;

    public ResponsePlans(Reading reading, AuditTrail audit) {
        this.reading = reading;
        this.audit = audit;
    }

    /** The version of the level's plan in force on {@code date}; null when the level has none (it opens nothing). */
    public Uni<ResponsePlan> inForce(String level, LocalDate date) {
        if (level == null) {
            return Uni.createFrom().nullItem();
        }
        return reading.apply(s -> s.createSelectionQuery("from PlanEntity where " + IN_FORCE, PlanEntity.class)
                .setParameter(1, level).setParameter(2, date).getResultList()
                .chain(plans -> plans.isEmpty() ? Uni.createFrom().<ResponsePlan>nullItem() : loaded(s, plans.get(0))));
    }

    /** Versions of one level (or of all), oldest first; only the one in force on {@code asOf} when it is given. */
    public Uni<List<ResponsePlan>> list(String level, LocalDate asOf) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> args = new ArrayList<>();
        if (level != null) {
            args.add(level);
            query.append(" and levelCode = ?").append(args.size());
        }
        if (asOf != null) {
            args.add(asOf);
            int i = args.size();
            query.append(" and validFrom <= ?").append(i).append(" and (validTo is null or validTo > ?").append(i).append(")");
        }
        query.append(" order by levelCode, validFrom");
        return reading.apply(s -> {
            var select = s.createSelectionQuery("from PlanEntity where " + query, PlanEntity.class);
            for (int i = 0; i < args.size(); i++) {
                select.setParameter(i + 1, args.get(i));
            }
            return select.getResultList().chain(plans -> {
                    Uni<List<ResponsePlan>> all = Uni.createFrom().item(new ArrayList<>());
                    // one after the other: a session runs one operation at a time
                    for (PlanEntity plan : plans) {
                        all = all.chain(done -> loaded(s, plan).map(p -> {
                            done.add(p);
                            return done;
                        }));
                    }
                    return all;
                });
        });
    }

    /**
     * A new version from {@code validFrom}: the version in force that day ends then. A version starting on or after
     * that day already exists → PLAN_VERSION_CONFLICT (versions are appended, history is not rewritten).
     */
    public Uni<ResponsePlan> set(ResponsePlanInput input, Permit permit) {
        PlanEntity plan = validated(input);
        return permit.sessionTransaction((session, sql, actor) -> {
                    plan.createdBy = actor.username();
                    return PlanEntity.<PlanEntity>find("levelCode = ?1 order by validFrom", plan.levelCode)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                        .chain(versions -> {
                            LocalDate ended = null;
                            for (PlanEntity v : versions) {
                                if (!v.validFrom.isBefore(plan.validFrom)) {
                                    throw new DomainException("PLAN_VERSION_CONFLICT", "the " + plan.levelCode
                                            + " plan already has a version from " + v.validFrom
                                            + "; a new version must start after every existing one");
                                }
                                if (v.validTo == null || v.validTo.isAfter(plan.validFrom)) {
                                    ended = v.validFrom;
                                    v.validTo = plan.validFrom;
                                }
                            }
                            Map<String, Object> details = new HashMap<>(Map.of("level", plan.levelCode,
                                    "validFrom", plan.validFrom.toString(), "posts", plan.posts.size(),
                                    "tasks", plan.tasks.size()));
                            if (ended != null) {
                                details.put("endsVersionFrom", ended.toString());
                            }
                            // the old version's end is written before the new one starts: the exclusion constraint
                            // checks each statement
                            return Panache.flush().chain(() -> plan.<PlanEntity>persistAndFlush())
                                    .call(saved -> audit.record(sql, actor, "SET_RESPONSE_PLAN", "ResponsePlan",
                                            saved.id, details));
                        });
                })
                .onFailure(ResponsePlans::isOverlap)
                .transform(e -> new DomainException("PLAN_VERSION_CONFLICT",
                        "another version of the " + plan.levelCode + " plan was set at the same time; try again"))
                .chain(saved -> inForce(plan.levelCode, plan.validFrom));
    }

    private static Uni<ResponsePlan> loaded(Mutiny.Session session, PlanEntity plan) {
        return session.fetch(plan.posts).chain(() -> session.fetch(plan.tasks)).map(x -> ResponsePlan.of(plan));
    }

    private static PlanEntity validated(ResponsePlanInput in) {
        if (in.level() == null || !LEVEL.matcher(in.level()).matches()) {
            throw DomainException.invalid("level must be a level code such as HIGH or SEALED, was '" + in.level() + "'");
        }
        PlanEntity plan = new PlanEntity();
        plan.levelCode = in.level();
        plan.validFrom = in.validFrom();
        plan.description = in.description() == null || in.description().isBlank() ? null : in.description().strip();
        plan.testingRounds = within(in.testingRounds(), 0, 0, 14, "testingRounds");
        plan.firstRoundDay = within(in.firstRoundDay(), 0, 0, 30, "firstRoundDay");
        plan.roundIntervalDays = within(in.roundIntervalDays(), 1, 1, 14, "roundIntervalDays");
        Set<String> keys = new HashSet<>();
        for (ResponsePlanInput.Post p : in.posts() == null ? List.<ResponsePlanInput.Post>of() : in.posts()) {
            PlanPostEntity post = new PlanPostEntity();
            post.plan = plan;
            post.itemKey = key(p.key(), keys);
            post.kind = p.kind().name();
            post.nameTemplate = text(p.nameTemplate(), 120, "nameTemplate");
            post.aroundTheClock = p.aroundTheClock() == null || p.aroundTheClock();
            if (p.shiftHours() < 1 || p.shiftHours() > 24 || 24 % p.shiftHours() != 0) {
                throw DomainException.invalid("shiftHours must divide 24 (24, 12, 8, 6, 4, 3, 2, 1), was " + p.shiftHours());
            }
            post.shiftHours = p.shiftHours();
            post.dayStartsAt = p.dayStartsAt() == null ? LocalTime.of(8, 0) : p.dayStartsAt();
            post.headcount = within(p.headcount(), 1, 1, 100, "headcount");
            post.allowedKinds = p.allowedKinds() == null ? new String[0]
                    : p.allowedKinds().stream().distinct().map(Enum::name).toArray(String[]::new);
            post.requiredSkill = p.requiredSkill() == null || p.requiredSkill().isBlank() ? null : p.requiredSkill().strip();
            plan.posts.add(post);
        }
        for (ResponsePlanInput.Task t : in.tasks() == null ? List.<ResponsePlanInput.Task>of() : in.tasks()) {
            PlanTaskEntity task = new PlanTaskEntity();
            task.plan = plan;
            task.itemKey = key(t.key(), keys);
            task.kind = t.kind().name();
            task.description = text(t.description(), 500, "description");
            task.daily = Boolean.TRUE.equals(t.daily());
            plan.tasks.add(task);
        }
        return plan;
    }

    private static String key(String key, Set<String> seen) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw DomainException.invalid("an item key is 1 to 40 lower-case letters, digits, '-' or '_', starting"
                    + " with a letter; was '" + key + "'");
        }
        if (!seen.add(key)) {
            throw DomainException.invalid("item key '" + key + "' is used twice in the plan");
        }
        return key;
    }

    private static String text(String value, int max, String field) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw DomainException.invalid(field + " must have 1 to " + max + " characters");
        }
        return v;
    }

    private static int within(Integer value, int fallback, int min, int max, String field) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw DomainException.invalid(field + " must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    private static boolean isOverlap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23P01".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
