package dev.legends.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.legends.testkit.LegendsAppTest;
import dev.legends.usage.UsageIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

@LegendsAppTest
class CodingActivityTests {

	private static final UsageIdentity ADA = UsageIdentity.email("ada@example.com");

	private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

	@Autowired
	private CodingActivity activity;

	@Autowired
	private JdbcTemplate jdbc;

	private Long workspaceId;

	@BeforeEach
	void workspace() {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement(
					"insert into workspace (slack_team_id, name, active, created_at) values (?, 'Test', true, ?)",
					new String[] { "id" });
			statement.setString(1, "T" + System.nanoTime());
			statement.setTimestamp(2, Timestamp.from(Instant.now()));
			return statement;
		}, key);
		this.workspaceId = key.getKey().longValue();
	}

	@Test
	void recordWhenSameDayImportedAgainReplacesIt() {
		this.activity.record(this.workspaceId, "claude-code-analytics",
				List.of(new ActivitySignal(ADA, MONDAY, 5, 100, 10, 2, 1)));
		this.activity.record(this.workspaceId, "claude-code-analytics",
				List.of(new ActivitySignal(ADA, MONDAY, 6, 120, 10, 3, 1)));
		assertThat(this.activity.totals(this.workspaceId, List.of(ADA), MONDAY, MONDAY.plusDays(7)))
			.isEqualTo(new CodingActivity.ActivityTotals(6, 120, 10, 3, 1, 1));
	}

	@Test
	void recordWhenTwoRowsOfOneDayAddsThemUp() {
		this.activity.record(this.workspaceId, "claude-code-analytics",
				List.of(new ActivitySignal(ADA, MONDAY, 5, 100, 10, 2, 1),
						new ActivitySignal(ADA, MONDAY, 1, 20, 5, 0, 0),
						new ActivitySignal(ADA, MONDAY.plusDays(1), 2, 30, 0, 1, 0)));
		assertThat(this.activity.totals(this.workspaceId, List.of(ADA), MONDAY, MONDAY.plusDays(1)))
			.isEqualTo(new CodingActivity.ActivityTotals(6, 120, 15, 2, 1, 1));
		assertThat(this.activity.totals(this.workspaceId, List.of(ADA), MONDAY, MONDAY.plusDays(7)).days())
			.isEqualTo(2);
		assertThat(this.activity.totals(this.workspaceId, List.of(UsageIdentity.email("grace@example.com")), MONDAY,
				MONDAY.plusDays(7)))
			.isEqualTo(new CodingActivity.ActivityTotals(0, 0, 0, 0, 0, 0));
	}

}
