package dev.legends.slack.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.legends.digest.Digest;
import dev.legends.digest.DigestSection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest's Block Kit, against golden files ({@code -Dgolden.update=true} rewrites
 * them).
 */
class DigestBlocksTests {

	private static final Path GOLDEN = Path.of("src/test/resources/golden/digest");

	@Test
	void renderWhenFullDigestMatchesGolden() throws IOException {
		assertGolden("full.json", DigestBlocks.render(full(EnumSet.allOf(DigestSection.class))));
	}

	@Test
	void renderWhenUsageWithoutOutcomesSaysSoWithoutPraise() throws IOException {
		Digest digest = new Digest("Weekly digest", "16–22 Nov 2026", "week:2026-W47", false,
				EnumSet.of(DigestSection.TOTALS, DigestSection.CONTRIBUTORS),
				new Digest.Totals(0, 0, 0, 0, 412.5, new Digest.Tokens(9_000_000, 1_200_000, 40_000_000, 0, 0)),
				weeks(4), List.of(), List.of(), Optional.empty(), Optional.empty());
		List<LayoutBlock> blocks = DigestBlocks.render(digest);
		assertGolden("usage-without-outcomes.json", blocks);
		String json = GsonFactory.createSnakeCase().toJson(blocks);
		assertThat(json).contains("with no confirmed outcome yet").doesNotContainIgnoringCase("congrat");
		assertThat(DigestBlocks.fallbackText(digest)).contains("0 confirmed outcomes")
			.contains("$412.50")
			.contains("no confirmed points yet");
	}

	@Test
	void renderWhenManyGoalsStaysWithinFiftyBlocks() {
		List<Digest.GoalLine> goals = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			goals.add(new Digest.GoalLine("Team " + i + " · confirmed points", i, 40, true));
		}
		Digest digest = new Digest("Weekly digest", "16–22 Nov 2026", "week:2026-W47", false,
				EnumSet.allOf(DigestSection.class), full(EnumSet.allOf(DigestSection.class)).totals(), weeks(4), goals,
				full(EnumSet.allOf(DigestSection.class)).topContributors(), Optional.empty(), Optional.empty());
		assertThat(DigestBlocks.render(digest)).hasSizeLessThanOrEqualTo(50);
	}

	@Test
	void renderWhenNamesCarryMarkupEscapesThem() {
		Digest digest = new Digest("Weekly digest", "16–22 Nov 2026", "week:2026-W47", false,
				EnumSet.of(DigestSection.CONTRIBUTORS), Digest.Totals.NONE, weeks(4), List.of(),
				List.of(new Digest.Contributor("<!channel> Eve", 2, 6)), Optional.empty(), Optional.empty());
		String json = JsonParser.parseString(GsonFactory.createSnakeCase().toJson(DigestBlocks.render(digest)))
			.toString();
		assertThat(json).doesNotContain("<!channel>").contains("&lt;!channel&gt; Eve");
	}

	static Digest full(EnumSet<DigestSection> sections) {
		return new Digest("Weekly digest · Platform", "16–22 Nov 2026", "week:2026-W47", false, sections,
				new Digest.Totals(
						7, 2, 23, 3, 184.2, new Digest.Tokens(2_400_000, 610_000, 18_300_000, 450_000, 120_000)),
				weeks(4),
				List.of(new Digest.GoalLine("Platform · confirmed points", 23, 30, true),
						new Digest.GoalLine("Platform · cost per confirmed point (USD)", 8.01, 10, false)),
				List.of(new Digest.Contributor("Ada Lovelace", 3, 11), new Digest.Contributor("Grace Hopper", 2, 8),
						new Digest.Contributor("Linus", 1, 3)),
				Optional.of(new Digest.Improvement("Grace Hopper", 2.5, 6.1)), Optional.empty());
	}

	static List<Digest.WeekFigures> weeks(int count) {
		List<Digest.WeekFigures> weeks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			weeks.add(new Digest.WeekFigures(LocalDate.of(2026, 10, 19).plusWeeks(i), 15 + i * 2, 160 + i * 10));
		}
		return weeks;
	}

	private static void assertGolden(String name, List<LayoutBlock> blocks) throws IOException {
		assertThat(blocks).hasSizeLessThanOrEqualTo(50);
		JsonElement actual = JsonParser.parseString(GsonFactory.createSnakeCase().toJson(blocks));
		Path file = GOLDEN.resolve(name);
		if (Boolean.getBoolean("golden.update")) {
			Files.createDirectories(GOLDEN);
			Files.writeString(file,
					new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(actual) + "\n",
					StandardCharsets.UTF_8);
		}
		JsonElement expected = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
		assertThat(actual).as("blocks of %s", name).isEqualTo(expected);
	}

}
