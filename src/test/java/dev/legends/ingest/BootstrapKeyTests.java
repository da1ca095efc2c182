package dev.legends.ingest;

import java.util.Optional;

import dev.legends.workspace.CacheEpochs;
import dev.legends.workspace.Members;
import dev.legends.workspace.Workspace;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@code LEGENDS_INGEST_KEY}: accepted like a created key, for the workspace the bot is
 * installed in; refused, saying why, when Legends serves many workspaces (OAuth mode).
 */
class BootstrapKeyTests {

	private final JdbcTemplate jdbc = mock(JdbcTemplate.class);

	private final Members members = mock(Members.class);

	@Test
	void authenticateWhenBootstrapKeyMapsToInstalledWorkspace() {
		Workspace workspace = mock(Workspace.class);
		given(workspace.getId()).willReturn(42L);
		given(this.members.workspace("T0INSTALLED")).willReturn(workspace);
		IngestKeys keys = keys(Optional.of(() -> Optional.of("T0INSTALLED")));
		assertThat(keys.authenticate("Bearer bootstrap-secret-1234"))
			.contains(new IngestPrincipal(42L, IngestKeys.BOOTSTRAP_NAME));
		assertThat(keys.authenticate("bearer   bootstrap-secret-1234 ")).isPresent();
	}

	@Test
	void authenticateWhenKeyDiffersOrHeaderMissingRefuses() {
		given(this.jdbc.query(anyString(), any(RowMapper.class), any(Object[].class))).willReturn(java.util.List.of());
		IngestKeys keys = keys(Optional.of(() -> Optional.of("T0INSTALLED")));
		assertThat(keys.authenticate("Bearer bootstrap-secret-12345")).isEmpty();
		assertThat(keys.authenticate(null)).isEmpty();
		assertThat(keys.authenticate("Basic Ym9vdHN0cmFw")).isEmpty();
	}

	@Test
	void authenticateWhenInstalledTeamUnknownRefuses() {
		IngestKeys keys = keys(Optional.of(Optional::empty));
		assertThat(keys.authenticate("Bearer bootstrap-secret-1234")).isEmpty();
	}

	@Test
	void requireWhenManyWorkspacesRefusesBootstrapKeyAndSaysWhatToDo() {
		InstalledTeam many = new InstalledTeam() {

			@Override
			public Optional<String> teamId() {
				return Optional.empty();
			}

			@Override
			public boolean oneWorkspace() {
				return false;
			}

		};
		IngestKeys keys = keys(Optional.of(many));
		assertThat(keys.authenticate("Bearer bootstrap-secret-1234")).isEmpty();
		assertThatThrownBy(() -> keys.require("Bearer bootstrap-secret-1234")).isInstanceOf(UnauthorizedException.class)
			.hasMessageContaining("LEGENDS_INGEST_KEY works only when Legends serves one workspace")
			.hasMessageContaining("/legends key create");
	}

	private IngestKeys keys(Optional<InstalledTeam> team) {
		return new IngestKeys(this.jdbc, this.members, team, new IngestProperties("bootstrap-secret-1234"),
				mock(CacheEpochs.class), Optional.empty());
	}

}
