-- Where an outcome's "Share to channel" posts: the channel its report came from, as the
-- server recorded it when the report was stored (never a channel named by the button),
-- and whether it was shared already (a second click posts nothing).
create table outcome_share (
    outcome_id  bigint      not null primary key references outcome (id),
    channel_id  varchar(32) not null,
    shared_at   timestamp with time zone,
    message_ts  varchar(32)
);
