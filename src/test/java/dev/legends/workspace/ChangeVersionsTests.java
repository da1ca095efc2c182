package dev.legends.workspace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request reads its workspace's change version once and uses every cached figure as of
 * it; a change the request makes itself moves it, and the next request reads the version
 * again (so a change made on another instance meanwhile is never missed). A value kept
 * per version is read once per version, however many threads want it at once.
 */
@LegendsAppTest
class ChangeVersionsTests {

	@Autowired
	ChangeVersions versions;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void endRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void currentWithinOneRequestIsReadOnceAndMovesWithItsOwnChange(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		long first = this.versions.current(workspace);

		changeOnAnotherInstance(workspace);
		assertThat(this.versions.current(workspace)).as("the same request").isEqualTo(first);

		this.versions.bump(workspace);
		assertThat(this.versions.current(workspace)).as("after the request's own change").isEqualTo(first + 2);

		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		changeOnAnotherInstance(workspace);
		assertThat(this.versions.current(workspace)).as("the next request").isEqualTo(first + 3);
		RequestContextHolder.resetRequestAttributes();
		changeOnAnotherInstance(workspace);
		assertThat(this.versions.current(workspace)).as("outside any request").isEqualTo(first + 4);
	}

	@Test
	void usageAndPeopleVersionsMoveOnlyWithTheChangesTheyStandFor(SlackTestClient slack) {
		SlackTestClient team = slack.inNewTeam();
		Long workspace = this.members.workspace(team.teamId()).getId();
		long usage = this.versions.usage(workspace);
		long people = this.versions.people(workspace);
		long teams = this.versions.teams(workspace);
		long change = this.versions.current(workspace);

		this.versions.bump(workspace);
		assertThat(this.versions.current(workspace)).isEqualTo(change + 1);
		assertThat(this.versions.usage(workspace)).as("usage after an outcome").isEqualTo(usage);
		assertThat(this.versions.people(workspace)).as("people after an outcome").isEqualTo(people);

		this.versions.bumpUsage(workspace);
		assertThat(this.versions.current(workspace)).isEqualTo(change + 2);
		assertThat(this.versions.usage(workspace)).as("after an identity was mapped").isEqualTo(usage + 1);
		assertThat(this.versions.people(workspace)).as("people after an identity was mapped").isEqualTo(people);

		team.command("UVERSIONS1", "help");
		long usageWithAda = this.versions.usage(workspace);
		long peopleWithAda = this.versions.people(workspace);
		assertThat(usageWithAda).as("a new person's email and Slack id claim their usage").isGreaterThan(usage + 1);
		assertThat(peopleWithAda).as("a new person joins the directory").isGreaterThan(people);

		Member ada = this.members.findBySlackUserId(workspace, "UVERSIONS1").orElseThrow();
		assertThat(this.members.directory(workspace).get(ada.getId()).isListed()).isTrue();
		assertThat(this.members.optedOut(workspace)).isEmpty();
		assertThat(this.members.directory(workspace)).as("read once per people version")
			.isSameAs(this.members.directory(workspace));
		assertThat(this.members.optedOut(workspace)).as("read once per people version")
			.isSameAs(this.members.optedOut(workspace));
		this.members.setOptedOut(ada, true);
		assertThat(this.versions.current(workspace)).isGreaterThan(change + 2);
		assertThat(this.versions.people(workspace)).as("after an opt-out").isEqualTo(peopleWithAda + 1);
		assertThat(this.versions.usage(workspace)).as("usage after an opt-out").isEqualTo(usageWithAda);
		assertThat(this.members.directory(workspace).get(ada.getId()).isListed()).as("the directory at once").isFalse();
		assertThat(this.members.optedOut(workspace)).containsExactly(ada.getId());
		assertThat(this.members.member(team.teamId(), "UVERSIONS1").isOptedOut()).as("the person at once").isTrue();
		assertThat(this.versions.teams(workspace)).as("teams after all of these").isEqualTo(teams);

		this.versions.bumpTeams(workspace);
		assertThat(this.versions.teams(workspace)).isEqualTo(teams + 1);
		assertThat(this.versions.people(workspace)).as("people after a team change").isEqualTo(peopleWithAda + 1);
	}

	@Test
	void perVersionReadsOncePerVersionAndNeverKeepsWhatAWritingTransactionSaw(SlackTestClient slack) throws Exception {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		PerVersion<Integer> value = this.versions.perVersion(10, Duration.ofMinutes(1));
		AtomicInteger reads = new AtomicInteger();
		Supplier<Integer> read = reads::incrementAndGet;

		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> seen = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				seen.add(threads.submit(() -> value.get(workspace, () -> {
					sleep(50);
					return read.get();
				})));
			}
			for (Future<Integer> one : seen) {
				assertThat(one.get()).as("8 threads at once read it once").isEqualTo(1);
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(value.get(workspace, read)).isEqualTo(1);

		changeOnAnotherInstance(workspace);
		assertThat(value.get(workspace, read)).as("after a change on another instance").isEqualTo(2);
		assertThat(value.get(workspace, read)).isEqualTo(2);

		TransactionTemplate writing = new TransactionTemplate(this.transactions);
		writing.executeWithoutResult((status) -> {
			this.versions.bump(workspace);
			assertThat(value.get(workspace, read)).as("inside the change's own transaction").isEqualTo(3);
			status.setRollbackOnly();
		});
		assertThat(value.get(workspace, read)).as("what the rolled-back change saw is not kept").isEqualTo(2);
		assertThat(reads).hasValue(3);
	}

	@Test
	void perVersionWhenOlderThanItsMaxAgeReadsAgainWithoutAChange(SlackTestClient slack) {
		Long workspace = this.members.workspace(slack.inNewTeam().teamId()).getId();
		PerVersion<Integer> value = this.versions.perVersion(10, Duration.ofMillis(200));
		AtomicInteger reads = new AtomicInteger();
		assertThat(value.get(workspace, reads::incrementAndGet)).isEqualTo(1);
		assertThat(value.get(workspace, reads::incrementAndGet)).isEqualTo(1);
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> value.get(workspace, reads::incrementAndGet) == 2);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void changeOnAnotherInstance(Long workspace) {
		this.jdbc.update("update workspace set change_version = change_version + 1 where id = ?", workspace);
	}

}
