package org.epicontrol.notice.notice;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.notice.area.AreaPath;
import org.epicontrol.notice.area.AreaRegistry;
import org.epicontrol.notice.area.AreaRegistry.NodeKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a notice with all its designations and areas in a handful of statements, inside the caller's transaction. */
@ApplicationScoped
public class NoticeStore {

    private final AreaRegistry areas;

    public NoticeStore(AreaRegistry areas) {
        this.areas = areas;
    }

    public Uni<Long> insert(SqlClient tx, NewNotice n) {
        String insertNotice = """
                insert into notice (issuer, year, number, issue_date, effective_date, title, legal_basis, measures,
                                    source_text, status, message_type, references_id, warnings, created_by,
                                    created_by_subject, published_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15,
                        case when $10 = 'PUBLISHED' then now() end)
                returning id
                """;
        Tuple args = Tuple.from(java.util.Arrays.asList(n.issuer(), n.year(), n.number(), n.issueDate(),
                n.effectiveDate(), n.title(), n.legalBasis(), n.measures(), n.sourceText(), n.status().name(),
                n.messageType().name(), n.referencesId(), NoticeRows.warningsJson(n.warnings()).encode(),
                n.createdBy(), n.createdBySubject()));
        return tx.preparedQuery(insertNotice).execute(args)
                .map(rows -> rows.iterator().next().getLong("id"))
                .chain(noticeId -> insertDesignations(tx, noticeId, n.designations()).replaceWith(noticeId));
    }

    /**
     * Replaces the content of a draft — dates, texts, warnings, author, designations — with that of n. Guarded by the
     * status, so a draft published meanwhile stays as published: answers false then, and nothing changed.
     */
    public Uni<Boolean> replaceDraft(SqlClient tx, long id, NewNotice n) {
        String update = """
                update notice set issue_date = $2, effective_date = $3, title = $4, legal_basis = $5, measures = $6,
                                  source_text = $7, warnings = $8::jsonb, created_by = $9, created_by_subject = $10
                where id = $1 and status = 'DRAFT'
                """;
        Tuple args = Tuple.from(java.util.Arrays.asList(id, n.issueDate(), n.effectiveDate(), n.title(), n.legalBasis(),
                n.measures(), n.sourceText(), NoticeRows.warningsJson(n.warnings()).encode(), n.createdBy(),
                n.createdBySubject()));
        return tx.preparedQuery(update).execute(args).chain(rows -> rows.rowCount() == 0
                ? Uni.createFrom().item(false)
                // Targets go with their designations (on delete cascade).
                : tx.preparedQuery("delete from designation where notice_id = $1").execute(Tuple.of(id))
                        .chain(() -> insertDesignations(tx, id, n.designations()))
                        .replaceWith(true));
    }

    private Uni<Void> insertDesignations(SqlClient tx, long noticeId, List<NewNotice.Item> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<AreaPath> paths = new ArrayList<>();
        for (NewNotice.Item item : items) {
            paths.addAll(item.included());
            paths.addAll(item.excluded());
        }
        int n = items.size();
        Integer[] ordinals = new Integer[n];
        String[] districts = new String[n];
        String[] texts = new String[n];
        String[] levels = new String[n];
        String[] actions = new String[n];
        for (int i = 0; i < n; i++) {
            NewNotice.Item item = items.get(i);
            ordinals[i] = i + 1;
            districts[i] = item.district();
            texts[i] = item.text();
            levels[i] = item.levelCode();
            actions[i] = item.action();
        }
        String insertDesignations = """
                insert into designation (notice_id, ordinal, district, item_text, level_code, action)
                select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
                returning id, ordinal
                """;
        return areas.ensure(tx, paths).chain(areaIds -> tx.preparedQuery(insertDesignations)
                .execute(Tuple.of(noticeId, ordinals, districts, texts, levels, actions))
                .chain(rows -> {
                    Long[] designationIds = new Long[n];
                    for (Row row : rows) {
                        designationIds[row.getInteger("ordinal") - 1] = row.getLong("id");
                    }
                    return insertTargets(tx, items, designationIds, areaIds);
                }));
    }

    private Uni<Void> insertTargets(SqlClient tx, List<NewNotice.Item> items, Long[] designationIds,
                                    Map<NodeKey, Long> areaIds) {
        List<Long> designations = new ArrayList<>();
        List<Long> targets = new ArrayList<>();
        List<Boolean> excluded = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            for (AreaPath path : items.get(i).included()) {
                designations.add(designationIds[i]);
                targets.add(areaIds.get(last(path)));
                excluded.add(false);
            }
            for (AreaPath path : items.get(i).excluded()) {
                designations.add(designationIds[i]);
                targets.add(areaIds.get(last(path)));
                excluded.add(true);
            }
        }
        String sql = """
                insert into designation_target (designation_id, area_id, excluded)
                select * from unnest($1::bigint[], $2::bigint[], $3::bool[])
                on conflict do nothing
                """;
        return tx.preparedQuery(sql)
                .execute(Tuple.of(designations.toArray(Long[]::new), targets.toArray(Long[]::new),
                        excluded.toArray(Boolean[]::new)))
                .replaceWithVoid();
    }

    private static NodeKey last(AreaPath path) {
        List<NodeKey> chain = AreaRegistry.chain(path);
        return chain.get(chain.size() - 1);
    }
}
