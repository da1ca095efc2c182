-- Moves with every change to whose usage is whose (an identity mapped to a person, a
-- person's email or Slack id attached to usage kept under it), and with no other change:
-- usage figures cached per workspace are kept across outcome changes, which move only
-- change_version.
alter table workspace add column usage_version bigint default 0 not null;
