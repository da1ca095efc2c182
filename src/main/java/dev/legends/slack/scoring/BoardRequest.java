package dev.legends.slack.scoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.legends.scoring.BoardKind;
import dev.legends.scoring.Period;

/**
 * What {@code /legends top …} asks for: a board, a period and optionally a team; also the
 * value carried by the "Share to channel" button.
 *
 * @param kind the board
 * @param periodWords the words naming the period (empty for this week)
 * @param teamName the team's name, or {@code null} for the whole workspace
 */
record BoardRequest(BoardKind kind, List<String> periodWords, String teamName) {

	/**
	 * Parse the words after {@code top}; unknown words give an error message.
	 * @param args the words
	 * @return the request, or the words not understood
	 */
	static Parsed parse(List<String> args) {
		List<String> words = args.stream().map((w) -> w.toLowerCase(Locale.ROOT)).toList();
		boolean team = !words.isEmpty() && words.get(0).equals("team");
		List<String> rest = new ArrayList<>(team ? words.subList(1, words.size()) : words);
		List<String> original = new ArrayList<>(team ? args.subList(1, args.size()) : args);
		BoardKind kind = BoardKind.OUTCOMES;
		List<String> period = new ArrayList<>();
		// read board and period words from the end, so a team name may contain anything
		while (!rest.isEmpty()) {
			String last = rest.get(rest.size() - 1);
			Optional<BoardKind> named = BoardKind.named(last);
			if (named.isPresent()) {
				kind = named.get();
			}
			else if (Period.Kind.named(last).isPresent() || (last.equals("last") && !period.isEmpty())) {
				period.add(0, last);
			}
			else {
				break;
			}
			rest.remove(rest.size() - 1);
			original.remove(original.size() - 1);
		}
		if (team) {
			return original.isEmpty() ? new Parsed(null, "Which team? Try `/legends top team platform`.")
					: new Parsed(new BoardRequest(kind, period, String.join(" ", original)), null);
		}
		if (!rest.isEmpty()) {
			return new Parsed(null,
					"I don't know `" + String.join(" ", original).replace("`", "'")
							+ "` here. Try `/legends top [last] [week|month|quarter] [outcomes|efficiency|usage]` "
							+ "or `/legends top team NAME`.");
		}
		return new Parsed(new BoardRequest(kind, period, null), null);
	}

	/**
	 * The button value for sharing a computed board.
	 * @param kind the board
	 * @param period the period
	 * @param teamId the team id, or {@code null}
	 * @return the value
	 */
	static String shareValue(BoardKind kind, Period period, Long teamId) {
		return kind + "|" + period.kind() + "|" + period.start() + "|" + ((teamId != null) ? teamId : "");
	}

	/**
	 * Read a share button's value back.
	 * @param value the value
	 * @param zone the workspace timezone
	 * @return the board, period and team, or empty when the value is not one of ours
	 */
	static Optional<Shared> readShare(String value, ZoneId zone) {
		try {
			String[] parts = value.split("\\|", -1);
			Long teamId = parts[3].isEmpty() ? null : Long.valueOf(parts[3]);
			return Optional.of(new Shared(BoardKind.valueOf(parts[0]),
					new Period(Period.Kind.valueOf(parts[1]), LocalDate.parse(parts[2]), zone), teamId));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A parse result: a request or an error message.
	 *
	 * @param request the request, or {@code null}
	 * @param error what to tell the person, or {@code null}
	 */
	record Parsed(BoardRequest request, String error) {

	}

	/**
	 * A board to share.
	 *
	 * @param kind the board
	 * @param period the period
	 * @param teamId the team, or {@code null} for the workspace
	 */
	record Shared(BoardKind kind, Period period, Long teamId) {

	}

}
