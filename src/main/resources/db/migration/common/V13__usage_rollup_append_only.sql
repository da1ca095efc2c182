-- Rollups become append-only partial sums (one row per identity, model, hour and ingest
-- batch): ingest only inserts, and period queries sum the rows of the window as before.
alter table usage_rollup drop constraint pk_usage_rollup;
create index ix_usage_rollup_identity on usage_rollup (identity_id, bucket_start);
