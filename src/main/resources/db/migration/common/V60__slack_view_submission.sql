-- Modal submissions Legends has acted on (team, view id, view hash and a digest of the
-- values), so that the very same submission arriving twice (a double click, a retry)
-- changes nothing the second time, on any instance. Rows older than a day are dropped.
create table slack_view_submission (
    submission_key varchar(200) not null primary key,
    received_at    timestamp with time zone not null
);

create index ix_slack_view_submission_received on slack_view_submission (received_at);
