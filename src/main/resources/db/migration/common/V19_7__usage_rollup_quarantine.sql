-- Pending rollup rows that could not be added to the rollups (a sum past a bigint, a
-- payload that does not decode: written by an older version or a bug). They are moved
-- here, kept for an admin to look at, and no longer block the rows after them.
create table usage_rollup_quarantine (
    id             bigint                   primary key,
    workspace_id   bigint                   not null,
    payload        bytea                    not null,
    created_at     timestamp with time zone not null,
    quarantined_at timestamp with time zone not null,
    reason         varchar(500)             not null
);

create index usage_rollup_quarantine_workspace on usage_rollup_quarantine (workspace_id);
