-- The last value seen of each cumulative OTLP series (key: hash of resource, metric,
-- attributes and start time), so that only the increase of a cumulative sum is counted.
create table otlp_series (
    workspace_id     bigint           not null references workspace (id),
    series_key       varchar(64)      not null,
    last_time_nanos  bigint           not null,
    last_value       double precision not null,
    updated_at       timestamp with time zone not null,
    primary key (workspace_id, series_key)
);
