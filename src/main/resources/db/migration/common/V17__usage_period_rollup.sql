-- Usage per identity and model in each calendar period (ISO week, month, quarter) of the
-- workspace timezone, added to at ingest: a period board reads one row per identity and
-- model instead of summing hourly rollups. usage_period_zone names the timezone the rows
-- were cut in; on start-up with another LEGENDS_TIMEZONE they are rebuilt from the hourly
-- rollups. Only the primary key is indexed (no foreign key, which would add an index on
-- identity_id): every write adds to existing rows, and each index makes that dearer.
create table usage_period_rollup (
    workspace_id          bigint         not null,
    period_kind           varchar(8)     not null,
    period_start          date           not null,
    identity_id           bigint         not null,
    model                 varchar(128)   not null,
    input_tokens          bigint         not null,
    output_tokens         bigint         not null,
    cache_read_tokens     bigint         not null,
    cache_creation_tokens bigint         not null,
    reasoning_tokens      bigint         not null,
    requests              bigint         not null,
    records               bigint         not null,
    cost_usd_reported     numeric(20, 6) not null,
    constraint pk_usage_period_rollup primary key (workspace_id, period_kind, period_start, identity_id, model)
);

create table usage_period_zone (
    id        int          not null primary key,
    zone_id   varchar(64)  not null,
    built_at  timestamp with time zone not null
);
