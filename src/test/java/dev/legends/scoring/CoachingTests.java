package dev.legends.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.legends.testkit.FakeSlackApi;
import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackCall;
import dev.legends.testkit.SlackTestClient;
import dev.legends.testkit.SlackUser;
import dev.legends.usage.UsageIdentity;
import dev.legends.usage.UsageInput;
import dev.legends.usage.UsageLedger;
import dev.legends.workspace.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Weekly coaching: a spend spike reaches the person by DM, once per week, and never
 * someone who opted out.
 */
@LegendsAppTest
class CoachingTests {

	@Autowired
	Coaching coaching;

	@Autowired
	UsageLedger ledger;

	@Autowired
	Members members;

	@Test
	void runWhenSpendTripledSendsOneDmToThePersonOnlyAndNeverTwice(SlackTestClient slack, FakeSlackApi fake) {
		SlackTestClient team = slack.inNewTeam();
		fake.addUser(SlackUser.of("UCOACH1", "Spiky Sue"));
		fake.addUser(SlackUser.of("UCOACH2", "Private Pat"));
		team.command("UCOACH1", "help");
		team.command("UCOACH2", "optout");
		Long workspace = this.members.workspace(team.teamId()).getId();
		Instant now = Instant.now();
		Period judged = Period.last(Period.Kind.WEEK, now, ZoneOffset.UTC);
		spend(workspace, "UCOACH1", judged);
		spend(workspace, "UCOACH2", judged);

		List<CoachingNoteDue> notes = this.coaching.run(workspace, now);

		assertThat(notes).extracting(CoachingNoteDue::slackUserId).containsExactly("UCOACH1");
		assertThat(notes.get(0).flag().kind()).isEqualTo(CoachingFlag.Kind.SPEND_SPIKE);
		List<SlackCall> dms = fake.calls((call) -> call.method().equals("chat.postMessage")
				&& List.of("UCOACH1", "UCOACH2").contains(call.param("channel")));
		assertThat(dms).hasSize(1);
		assertThat(dms.get(0).param("channel")).isEqualTo("UCOACH1");
		assertThat(dms.get(0).visibleText()).contains("$15.00", "5.0× your usual", "Only you see this note");
		assertThat(this.coaching.run(workspace, now)).isEmpty();
	}

	private void spend(Long workspace, String userId, Period judged) {
		List<UsageInput> inputs = new ArrayList<>();
		Period week = judged;
		for (int i = 0; i < 5; i++) {
			Instant at = week.toWindow().start().plus(2, ChronoUnit.DAYS);
			long tokens = (i == 0) ? 5_000_000 : 1_000_000;
			inputs.add(new UsageInput(null, UsageIdentity.slackId(userId), "claude-code", "claude-sonnet-4-5", at, at,
					tokens, 0, 0, 0, 0, 1, BigDecimal.ONE));
			week = week.previous();
		}
		this.ledger.ingest(workspace, inputs);
	}

}
