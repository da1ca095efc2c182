-- Hourly rollups keep one index: (identity_id, bucket_start). Every fold appends rows,
-- and each index is one more write per row: the foreign key to usage_identity (an index
-- of its own on H2) and the (workspace_id, bucket_start) index go. Workspace queries
-- reach rollups through the workspace's identities; identity rows are never deleted.
create table usage_rollup_lean (
    identity_id           bigint         not null,
    model                 varchar(128)   not null,
    bucket_start          timestamp with time zone not null,
    workspace_id          bigint         not null,
    input_tokens          bigint         not null,
    output_tokens         bigint         not null,
    cache_read_tokens     bigint         not null,
    cache_creation_tokens bigint         not null,
    reasoning_tokens      bigint         not null,
    requests              bigint         not null,
    records               bigint         not null,
    cost_usd_reported     numeric(20, 6) not null
);

insert into usage_rollup_lean (identity_id, model, bucket_start, workspace_id, input_tokens, output_tokens,
        cache_read_tokens, cache_creation_tokens, reasoning_tokens, requests, records, cost_usd_reported)
    select identity_id, model, bucket_start, workspace_id, input_tokens, output_tokens, cache_read_tokens,
        cache_creation_tokens, reasoning_tokens, requests, records, cost_usd_reported
    from usage_rollup;

drop table usage_rollup;

alter table usage_rollup_lean rename to usage_rollup;

create index ix_usage_rollup_identity on usage_rollup (identity_id, bucket_start);
