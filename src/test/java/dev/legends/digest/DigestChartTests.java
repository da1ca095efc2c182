package dev.legends.digest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest chart is a PNG of Slack's preview size.
 */
class DigestChartTests {

	@Test
	void renderWhenEightWeeksGivenIsDecodablePngOfPreviewSize() throws IOException {
		List<Digest.WeekFigures> weeks = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			weeks.add(new Digest.WeekFigures(LocalDate.of(2026, 10, 5).plusWeeks(i), 4 + i * 2.5, 120 + i * 15.5));
		}
		byte[] png = DigestChart.render(weeks);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).isNotNull();
		assertThat(image.getWidth()).isEqualTo(DigestChart.WIDTH);
		assertThat(image.getHeight()).isEqualTo(DigestChart.HEIGHT);
		if (System.getProperty("chart.out") != null) {
			java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("chart.out")), png);
		}
	}

	@Test
	void renderWhenNothingRecordedStillDrawsTheWeeks() throws IOException {
		List<Digest.WeekFigures> weeks = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			weeks.add(new Digest.WeekFigures(LocalDate.of(2026, 10, 5).plusWeeks(i), 0, 0));
		}
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(DigestChart.render(weeks)));
		assertThat(image.getWidth()).isEqualTo(DigestChart.WIDTH);
	}

}
