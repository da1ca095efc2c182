-- One link counts once, also when several reports of it arrive at the same moment: the
-- link is copied to active_link while an outcome counts (reported or confirmed), and
-- active_link is unique per workspace (NULLs, i.e. withdrawn and rejected outcomes and
-- outcomes without a link, never collide). Of reports stored twice before this, only the
-- first (as scoring already ranks them: reported first, then lowest id) takes the link.
alter table outcome add column active_link varchar(2000);

update outcome o set active_link = link
where link is not null and status in ('REPORTED', 'CONFIRMED')
  and not exists (select 1 from outcome p
                  where p.workspace_id = o.workspace_id and p.link = o.link
                    and p.status in ('REPORTED', 'CONFIRMED')
                    and (p.reported_at < o.reported_at or (p.reported_at = o.reported_at and p.id < o.id)));

alter table outcome add constraint uk_outcome_active_link unique (workspace_id, active_link);
