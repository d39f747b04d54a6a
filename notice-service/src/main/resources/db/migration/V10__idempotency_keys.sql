-- Idempotency keys of mutations (service-common's org.epicontrol.common.idempotency): a key is inserted by the
-- transaction of the write it guards, so a committed write always has its key and a rolled-back one none; the answer
-- is recorded right after the commit. Scoped to the caller (the token's subject): another caller's key is another row.
create table idempotency_key (
    subject      text        not null check (length(subject) between 1 and 255),
    key          text        not null check (length(key) between 1 and 128),
    request_hash text        not null check (length(request_hash) = 64),
    request_id   text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    answer       text,
    answered_at  timestamptz,
    primary key (subject, key),
    check (expires_at > created_at),
    check ((answer is null) = (answered_at is null))
);

create index idempotency_key_expires on idempotency_key (expires_at);
