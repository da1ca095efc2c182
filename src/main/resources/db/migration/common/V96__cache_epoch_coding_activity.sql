-- Which workspaces have any coding activity: bumped when activity is imported, so that
-- every instance asks the database again (App Home and /legends why skip the activity
-- queries in a workspace that never imported any).
insert into cache_epoch (name, version) values ('coding_activity', 0);
