-- Cross-instance cache invalidation (dev.legends.workspace.CacheEpochs): a change that
-- makes other instances' caches wrong bumps its row; every instance polls the rows and
-- drops the cache whose version moved.
create table cache_epoch (
    name varchar(32) primary key,
    version bigint not null
);

insert into cache_epoch (name, version) values ('ingest_keys', 0);
insert into cache_epoch (name, version) values ('identities', 0);
