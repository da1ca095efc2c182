-- The daily cap of pending outcomes reads a workspace's pending outcomes reported around a
-- board's window: without this index each board after a change scanned every outcome of
-- the workspace for them.
create index ix_outcome_workspace_reported on outcome (workspace_id, status, reported_at);
