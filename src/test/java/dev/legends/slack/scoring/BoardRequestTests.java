package dev.legends.slack.scoring;

import java.time.ZoneId;
import java.util.List;

import dev.legends.scoring.BoardKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words of {@code /legends top}: board, period and team read in any order that people
 * type them.
 */
class BoardRequestTests {

	@Test
	void parseWhenTeamNameIsFollowedByPeriodAndBoardReadsAllThree() {
		BoardRequest request = BoardRequest.parse(List.of("team", "Platform", "Crew", "last", "month", "efficiency"))
			.request();
		assertThat(request.teamName()).isEqualTo("Platform Crew");
		assertThat(request.periodWords()).containsExactly("last", "month");
		assertThat(request.kind()).isEqualTo(BoardKind.EFFICIENCY);
	}

	@Test
	void parseWhenBoardComesFirstOrNothingGivenUsesDefaults() {
		assertThat(BoardRequest.parse(List.of("usage", "quarter")).request())
			.isEqualTo(new BoardRequest(BoardKind.USAGE, List.of("quarter"), null));
		assertThat(BoardRequest.parse(List.of()).request())
			.isEqualTo(new BoardRequest(BoardKind.OUTCOMES, List.of(), null));
	}

	@Test
	void parseWhenWordUnknownOrTeamMissingSaysWhat() {
		assertThat(BoardRequest.parse(List.of("last", "decade")).error()).contains("`last decade`");
		assertThat(BoardRequest.parse(List.of("team")).error()).contains("Which team?");
	}

	@Test
	void readShareWhenValueTamperedIsEmpty() {
		assertThat(BoardRequest.readShare("OUTCOMES|WEEK|2026-11-23|", ZoneId.of("UTC"))).isPresent();
		assertThat(BoardRequest.readShare("DROP TABLE|x", ZoneId.of("UTC"))).isEmpty();
		assertThat(BoardRequest.readShare("OUTCOMES|WEEK|2026-11-23|abc", ZoneId.of("UTC"))).isEmpty();
	}

}
