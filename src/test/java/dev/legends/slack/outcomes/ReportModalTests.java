package dev.legends.slack.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.legends.outcomes.OutcomePoints;
import dev.legends.outcomes.OutcomeProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome modal's JSON stays as reviewed, within Block Kit's limits. Run with
 * {@code -Dgolden.update=true} to rewrite the golden file after a deliberate change.
 */
class ReportModalTests {

	private final OutcomePoints points = new OutcomePoints(OutcomeProperties.defaults());

	@Test
	void buildWhenNewReportMatchesGoldenFile() throws IOException {
		ReportForm form = ReportForm.fresh("Shipped the billing export", null, LocalDate.of(2026, 11, 27), "C0GENERAL");
		JsonElement actual = json(ReportModal.build(form, this.points::points));
		if (Boolean.getBoolean("golden.update")) {
			Path file = Path.of("src/test/resources/golden/outcomes/report-modal.json");
			Files.writeString(file,
					new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(actual) + "\n");
		}
		assertThat(actual).isEqualTo(golden("report-modal.json"));
	}

	@Test
	void buildWhenEditingPrefillsEverythingAndSaysSave() {
		ReportForm form = new ReportForm("BUG_FIXED", "Fixed login", "https://example.com/1", "L",
				LocalDate.of(2026, 11, 20), List.of("UB"), "UC", "Found in prod", new ReportMetadata(null, 42L));
		View view = ReportModal.build(form, this.points::points);
		String json = GsonFactory.createSnakeCase().toJson(view);
		assertThat(view.getTitle().getText()).isEqualTo("Edit outcome");
		assertThat(view.getSubmit().getText()).isEqualTo("Save");
		assertThat(view.getPrivateMetadata()).isEqualTo("c=;e=42");
		assertThat(json).contains("\"initial_users\":[\"UB\"]", "\"initial_user\":\"UC\"", "Found in prod",
				"\"initial_date\":\"2026-11-20\"", "\"value\":\"L\"");
	}

	@Test
	void buildWhenAnyFormRespectsBlockKitLimits() {
		ReportForm form = ReportForm.fresh("x".repeat(150), null, LocalDate.of(2026, 11, 27), "C1");
		View view = ReportModal.build(form, this.points::points);
		assertThat(view.getTitle().getText().length()).isLessThanOrEqualTo(24);
		assertThat(view.getSubmit().getText().length()).isLessThanOrEqualTo(24);
		assertThat(view.getClose().getText().length()).isLessThanOrEqualTo(24);
		assertThat(view.getBlocks()).hasSizeLessThanOrEqualTo(100);
		assertThat(view.getPrivateMetadata().length()).isLessThanOrEqualTo(3000);
	}

	private static JsonElement json(View view) {
		return JsonParser.parseString(GsonFactory.createSnakeCase().toJson(view));
	}

	private static JsonElement golden(String name) throws IOException {
		try (InputStream in = ReportModalTests.class.getResourceAsStream("/golden/outcomes/" + name)) {
			assertThat(in).as("golden file " + name).isNotNull();
			return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
