-- Enterprise Grid: the workspaces (team ids) seen in requests served by an org-wide
-- install, and the org each belongs to. Every instance reads it for a team id met outside
-- a request (so an instance that never served the org still files that team under the
-- org's one workspace); a workspace-level install of a team removes its row.
create table slack_org_team (
    team_id       varchar(32) primary key,
    enterprise_id varchar(32) not null,
    seen_at       timestamp with time zone not null
);

create index ix_slack_org_team_enterprise on slack_org_team (enterprise_id);

insert into cache_epoch (name, version) values ('org_teams', 0);
