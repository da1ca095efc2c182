package dev.legends.workspace;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each workspace's members by email (any case) and by Slack user id, in memory: ingest
 * asks for every identity it has not seen before, and a company's whole fleet can be new
 * at once (the first minute after Claude Code is rolled out, a batch import of last
 * month). A workspace's index is read with one query on first use and dropped whenever a
 * member appears or changes email, here at once and on every other instance within about
 * a second ({@link CacheEpochs#IDENTITIES}); it is read again on the next lookup. Sized
 * for companies of 100,000 people (400,000 entries over all workspaces).
 */
@Component
class MemberIndex {

	private static final long MAX_ENTRIES = 400_000;

	private final JdbcTemplate jdbc;

	private final Cache<Long, Index> indexes = Caffeine.newBuilder()
		.maximumWeight(MAX_ENTRIES)
		.weigher((Long workspaceId, Index index) -> index.size() + 1)
		.build();

	/** Moves on every drop: an index read before one is not kept. */
	private final AtomicLong generation = new AtomicLong();

	MemberIndex(JdbcTemplate jdbc, CacheEpochs epochs) {
		this.jdbc = jdbc;
		epochs.onBump(CacheEpochs.IDENTITIES, this::dropAll);
	}

	Optional<Long> byEmail(Long workspaceId, String email) {
		return Optional.ofNullable(index(workspaceId).byEmail().get(email.toUpperCase(Locale.ROOT)));
	}

	Optional<Long> bySlackUserId(Long workspaceId, String slackUserId) {
		return Optional.ofNullable(index(workspaceId).bySlackUserId().get(slackUserId));
	}

	@EventListener
	void on(MemberProfileChanged event) {
		drop(event.workspaceId());
	}

	/** Again once the change committed: a read between the two saw the old rows. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void committed(MemberProfileChanged event) {
		drop(event.workspaceId());
	}

	private void drop(Long workspaceId) {
		this.generation.incrementAndGet();
		this.indexes.invalidate(workspaceId);
	}

	private void dropAll() {
		this.generation.incrementAndGet();
		this.indexes.invalidateAll();
	}

	private Index index(Long workspaceId) {
		Index index = this.indexes.getIfPresent(workspaceId);
		if (index != null) {
			return index;
		}
		long readAt = this.generation.get();
		Index read = read(workspaceId);
		if (this.generation.get() == readAt) {
			this.indexes.put(workspaceId, read);
		}
		return read;
	}

	/** The lowest member id wins when two members share an email. */
	private Index read(Long workspaceId) {
		Map<String, Long> byEmail = new HashMap<>();
		Map<String, Long> bySlackUserId = new HashMap<>();
		this.jdbc.query("select id, slack_user_id, email from member where workspace_id = ? order by id", (row) -> {
			long id = row.getLong(1);
			bySlackUserId.putIfAbsent(row.getString(2), id);
			String email = row.getString(3);
			if (email != null) {
				byEmail.putIfAbsent(email.toUpperCase(Locale.ROOT), id);
			}
		}, workspaceId);
		return new Index(Map.copyOf(byEmail), Map.copyOf(bySlackUserId));
	}

	private record Index(Map<String, Long> byEmail, Map<String, Long> bySlackUserId) {

		int size() {
			return this.byEmail.size() + this.bySlackUserId.size();
		}

	}

}
