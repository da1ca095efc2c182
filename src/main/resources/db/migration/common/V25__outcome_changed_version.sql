-- The workspace's change version at which an outcome last changed (reported, edited,
-- confirmed, rejected, withdrawn): a board whose credits were computed at an earlier
-- version reads only the outcomes changed since then and applies them, instead of
-- computing every credit of its window again. Outcomes from before this column count as
-- changed at version 0, before any board.
alter table outcome add column changed_version bigint default 0 not null;

create index ix_outcome_changed on outcome (workspace_id, changed_version);
