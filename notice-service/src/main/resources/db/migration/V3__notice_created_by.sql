-- Four eyes: whoever drafted a notice may not publish it. Names change, the Keycloak subject (token "sub") does not,
-- so both are kept: the subject to compare, the username to show. drafted_by was never written; it becomes created_by.
alter table notice rename column drafted_by to created_by;
alter table notice add column created_by_subject text;
alter table notice add column published_by_subject text;
