-- Moves with every change to a workspace's people as boards list them (a new person, a
-- new email or Slack id, an opt-out, a vacation), and with no other change: the member
-- directory that boards read is kept across outcome changes, which move only
-- change_version.
alter table workspace add column people_version bigint default 0 not null;
