-- H2 writes a sequence's state to its metadata each time its cache of ids runs out: with
-- the default 32, an update of the metadata table every 32 usage records on the ingest
-- path. Take ids 1,000 at a time (after a crash, up to 1,000 ids are skipped; the id is
-- only a surrogate key). PostgreSQL keeps its default (its cache is per session).
alter table usage_record alter column id set cache 1000;
