package dev.legends.workspace;

import dev.legends.testkit.LegendsAppTest;
import dev.legends.testkit.SlackTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request reads its workspace's change version once and uses every cached figure as of
 * it; a change the request makes itself moves it, and the next request reads the version
 * again (so a change made on another instance meanwhile is never missed).
 */
@LegendsAppTest
class ChangeVersionsTests {

	@Autowired
	ChangeVersions versions;

	@Autowired
	Members members;

	@Autowired
	JdbcTemplate jdbc;

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

	private void changeOnAnotherInstance(Long workspace) {
		this.jdbc.update("update workspace set change_version = change_version + 1 where id = ?", workspace);
	}

}
