-- The row the db health check updates: the database is UP only when it commits a write.
create table health_probe (
    id integer primary key,
    checked_at timestamp with time zone not null
);

insert into health_probe (id, checked_at) values (1, current_timestamp);
