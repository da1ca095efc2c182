package dev.legends.digest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

import dev.legends.digest.NudgePublisher.Nudge;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The weekly nudge: once the nudge time (default Friday 15:00) has passed in a person's
 * own timezone, they get one DM per ISO week asking what they shipped, unless they opted
 * out or are on vacation.
 */
@Component
class Nudges {

	private static final Logger logger = LoggerFactory.getLogger(Nudges.class);

	private final Members members;

	private final NudgePublisher publisher;

	private final JdbcTemplate jdbc;

	private final DigestProperties properties;

	private final Clock clock;

	Nudges(Members members, NudgePublisher publisher, JdbcTemplate jdbc, DigestProperties properties,
			Optional<Clock> clock) {
		this.members = members;
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Nudge everyone whose nudge time has passed this week and who was not nudged yet.
	 * @return how many were nudged
	 */
	int sendDue() {
		Instant now = this.clock.instant();
		int sent = 0;
		for (Workspace workspace : this.members.workspaces()) {
			if (!workspace.isActive()) {
				continue;
			}
			for (Member member : this.members.all(workspace.getId())) {
				if (member.isListed() && isDue(member, now) && send(member, now)) {
					sent++;
				}
			}
		}
		return sent;
	}

	/** Whether the nudge time of the person's current ISO week has passed. */
	boolean isDue(Member member, Instant now) {
		ZonedDateTime local = now.atZone(member.getZoneId());
		LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
		ZonedDateTime nudgeAt = monday.with(TemporalAdjusters.nextOrSame(this.properties.nudgeDay()))
			.atTime(this.properties.nudgeTime())
			.atZone(member.getZoneId());
		return !local.isBefore(nudgeAt);
	}

	private boolean send(Member member, Instant now) {
		String week = DigestPeriod.isoWeek(now, member.getZoneId());
		try {
			this.jdbc.update("insert into digest_nudge (member_id, iso_week, sent_at) values (?, ?, ?)", member.getId(),
					week, Timestamp.from(now));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		boolean sent = false;
		try {
			sent = this.publisher
				.nudge(new Nudge(member.getWorkspaceId(), member.getSlackUserId(), member.getDisplayName(), week));
		}
		catch (RuntimeException ex) {
			logger.warn("Nudge to member {} failed: {}", member.getId(), ex.getMessage());
		}
		if (!sent) {
			this.jdbc.update("delete from digest_nudge where member_id = ? and iso_week = ?", member.getId(), week);
		}
		return sent;
	}

}
