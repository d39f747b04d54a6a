-- Notice.draftedBy / Notice.publishedBy read the notice row (created_by, published_by). Rows written before the
-- service kept them get them from the audit trail where it has them: the drafter is the actor of the latest
-- CREATE / IMPORT / REPLACE of the notice (a replacement makes its importer the author), the publisher the actor of
-- its PUBLISH. Rows that already name them are left alone.
update notice n
   set created_by = e.actor,
       created_by_subject = coalesce(n.created_by_subject, e.actor_subject)
  from (select distinct on (target_id) target_id, actor, actor_subject
          from audit_event
         where target_type = 'Notice' and action in ('CREATE', 'IMPORT', 'REPLACE')
         order by target_id, id desc) e
 where e.target_id = n.id::text
   and n.created_by is null;

update notice n
   set published_by = e.actor,
       published_by_subject = coalesce(n.published_by_subject, e.actor_subject)
  from (select distinct on (target_id) target_id, actor, actor_subject
          from audit_event
         where target_type = 'Notice' and action = 'PUBLISH'
         order by target_id, id desc) e
 where e.target_id = n.id::text
   and n.status <> 'DRAFT'
   and n.published_by is null;
