-- Issuers are data: one office prints its name in several ways (newspapers, its signature, its headings). A text
-- printing any alias names the issuer, and notice.issuer holds the canonical name, so that the unique key
-- (issuer, year, number) makes one notice of the same notice imported from two sources.
create table issuer (
  id   bigserial primary key,
  name text not null unique check (length(btrim(name)) > 0)
);

-- Aliases are stored without blanks (texts are matched without them); the canonical name is an alias too.
create table issuer_alias (
  alias     text primary key check (length(alias) > 0 and alias !~ '\s'),
  issuer_id bigint not null references issuer (id) on delete cascade
);
create index issuer_alias_issuer_idx on issuer_alias (issuer_id);

insert into issuer (name) values ('太原市疫情防控领导小组办公室');
insert into issuer_alias (alias, issuer_id)
select a.alias, i.id
from issuer i,
     (values ('太原市疫情防控领导小组办公室'),                -- its signature
             ('市疫情防控办'),                              -- newspapers
             ('太原市疫情防控办'),
             ('太原市新冠肺炎疫情防控工作领导小组办公室'),       -- headings
             ('太原市新型冠状病毒肺炎疫情防控工作领导小组办公室')) as a (alias)
where i.name = '太原市疫情防控领导小组办公室';

-- Notices stored under an alias move to the canonical name. Should both names hold the same (year, number) -
-- one notice imported twice - the older row under the alias is left for an operator to review rather than
-- merged blindly: the unique key would refuse the update anyway.
update notice n
set issuer = i.name
from issuer_alias a
join issuer i on i.id = a.issuer_id
where n.issuer = a.alias
  and n.issuer <> i.name
  and not exists (select 1 from notice o where o.issuer = i.name and o.year = n.year and o.number = n.number);
