-- Look records up by dedupe key first: batch dedupe queries "dedupe_key in (…)" use the
-- unique index directly (same uniqueness: workspace, source, key).
alter table usage_record drop constraint uk_usage_record;
alter table usage_record add constraint uk_usage_record_key unique (dedupe_key, workspace_id, source);
