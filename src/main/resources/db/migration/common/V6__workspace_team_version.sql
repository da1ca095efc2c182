-- Moves with every change to a workspace's teams (created or changed, members synced
-- from a user group) and their goals, and with no other change: the teams and goals
-- App Home and /legends team read are kept until it moves.
alter table workspace add column team_version bigint default 0 not null;
