-- Cross-instance cache invalidation: every change that boards, digests or App Home show
-- (an outcome, an opt-out, a vacation, a name) bumps its workspace's change_version in the
-- same transaction; every instance reads it before serving cached figures, so that no
-- instance serves what another one just changed.
alter table workspace add column change_version bigint default 0 not null;

-- Who has opened App Home (so that any instance, not only the one it was opened on,
-- re-publishes it when something shown there changes).
alter table member add column home_opened_at timestamp with time zone;
