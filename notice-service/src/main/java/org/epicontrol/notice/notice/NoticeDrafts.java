package org.epicontrol.notice.notice;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.area.AreaTextParser;
import org.epicontrol.notice.area.ParsedAreaItem;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.notice.audit.AuditAction;
import org.epicontrol.notice.audit.AuditEntry;
import org.epicontrol.notice.audit.AuditStore;
import org.epicontrol.notice.common.NoticeConfig;
import org.epicontrol.notice.level.LevelCatalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Notices entered through a form: validated, then stored as drafts. */
@ApplicationScoped
public class NoticeDrafts {

    private static final int MAX_AREA_TEXT = 500;

    private final Pool pool;
    private final NoticeStore store;
    private final LevelCatalog levels;
    private final NoticeQueries queries;
    private final NoticeConfig config;
    private final AuditStore audit;
    private final AreaTextParser areaParser = new AreaTextParser();

    public NoticeDrafts(Pool pool, NoticeStore store, LevelCatalog levels, NoticeQueries queries, NoticeConfig config,
                       AuditStore audit) {
        this.pool = pool;
        this.store = store;
        this.levels = levels;
        this.queries = queries;
        this.config = config;
        this.audit = audit;
    }

    /** Stores the draft and its audit event in one transaction; author is the caller the policy let through. */
    public Uni<Long> create(NoticeInput input, Caller author) {
        LocalDate today = LocalDate.now(config.zone());
        require(input.issuer() != null && !input.issuer().isBlank(), "issuer must not be blank");
        require(input.number() > 0, "number must be positive, was " + input.number());
        require(input.issueDate() != null, "issueDate is required");
        require(!input.issueDate().isAfter(today),
                "issueDate " + input.issueDate() + " is in the future (today is " + today + ")");
        require(input.year() == input.issueDate().getYear(),
                "year " + input.year() + " does not match issueDate " + input.issueDate());
        LocalDate effective = input.effectiveDate() == null ? input.issueDate() : input.effectiveDate();
        require(!effective.isBefore(input.issueDate()), "effectiveDate " + effective + " is before issueDate");
        MessageType type = input.messageType() == null ? MessageType.ALERT : input.messageType();
        Long references = parseReference(input.references());
        require(type == MessageType.ALERT || references != null, type + " needs the notice it refers to (references)");
        require(type != MessageType.ALERT || references == null, "an ALERT refers to no earlier notice; use UPDATE or CANCEL");
        List<NoticeInput.DesignationInput> designations = input.designations() == null ? List.of() : input.designations();
        require(type == MessageType.CANCEL || !designations.isEmpty(), "a notice designates at least one area");
        for (NoticeInput.DesignationInput d : designations) {
            require(d.area() != null && !d.area().isBlank(), "a designation's area must not be blank");
            require(d.area().length() <= MAX_AREA_TEXT, "area text longer than " + MAX_AREA_TEXT + " characters");
        }
        return levels.byCode()
                .chain(known -> {
                    for (NoticeInput.DesignationInput d : designations) {
                        if (!known.containsKey(d.level())) {
                            return Uni.createFrom().failure(new DomainException("UNKNOWN_LEVEL",
                                    "level '" + d.level() + "' is not one of " + known.keySet()));
                        }
                    }
                    return checkReference(references);
                })
                .chain(() -> {
                    List<NewNotice.Item> items = new ArrayList<>();
                    for (NoticeInput.DesignationInput d : designations) {
                        ParsedAreaItem parsed = areaParser.parseItem(blankToNull(d.district()), d.area().strip());
                        items.add(new NewNotice.Item(blankToNull(d.district()), d.area().strip(), d.level(), null,
                                parsed.included(), parsed.excluded()));
                    }
                    NewNotice notice = new NewNotice(input.issuer().strip(), input.year(), input.number(),
                            input.issueDate(), effective, input.title(), input.legalBasis(), input.measures(), null,
                            NoticeStatus.DRAFT, type, references, List.of(), author.username(), author.subject(), items);
                    return pool.withTransaction(tx -> store.insert(tx, notice)
                                    .call(id -> audit.append(tx, AuditEntry.of(author, AuditAction.CREATE,
                                            AuditEntry.NOTICE, id, new JsonObject()
                                                    .put("issuer", notice.issuer())
                                                    .put("year", notice.year())
                                                    .put("number", notice.number())
                                                    .put("messageType", type.name())
                                                    .put("references", references)
                                                    .put("designations", items.size())))))
                            .onFailure(NoticeDrafts::isUniqueViolation)
                            .transform(e -> new DomainException("DUPLICATE_NOTICE", "notice " + input.number()
                                    + " of " + input.year() + " by " + input.issuer() + " already exists"));
                });
    }

    private Uni<Void> checkReference(Long references) {
        if (references == null) {
            return Uni.createFrom().voidItem();
        }
        return queries.byId(references).chain(ref -> {
            if (ref == null) {
                return Uni.createFrom().failure(DomainException.notFound("notice", references));
            }
            if (ref.status() != NoticeStatus.PUBLISHED) {
                return Uni.createFrom().failure(new DomainException("REFERENCE_NOT_PUBLISHED",
                        "notice " + references + " is " + ref.status() + "; only a published notice can be corrected"));
            }
            return Uni.createFrom().voidItem();
        });
    }

    public static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    private static Long parseReference(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("references '" + id + "' is not a notice id");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw DomainException.invalid(message);
        }
    }
}
