-- When a delivery's message was handed to Slack (set just before each chat.postMessage).
-- A claim left unfinished without it was never sent: its taker posts without reading the
-- channel's history; with it, the taker reconciles with the history first.
alter table digest_delivery add column sending_at timestamp with time zone;

-- Unfinished claims are looked up by state and age every few seconds on every instance.
create index ix_digest_delivery_claimed on digest_delivery (state, claimed_at);
