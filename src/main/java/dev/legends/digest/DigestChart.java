package dev.legends.digest;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Draws the digest chart: confirmed outcome points per week as bars against estimated
 * cost as a line on its own axis, as a PNG readable at Slack's preview size.
 */
final class DigestChart {

	static final int WIDTH = 800;

	static final int HEIGHT = 400;

	private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final Color POINTS = new Color(0x2E, 0x7D, 0x32);

	private static final Color COST = new Color(0xB0, 0x5A, 0x00);

	static {
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	private DigestChart() {
	}

	/**
	 * Render the weeks as a PNG.
	 * @param weeks the weeks, oldest first
	 * @return the PNG bytes
	 */
	static byte[] render(List<Digest.WeekFigures> weeks) {
		CategoryChart chart = new CategoryChartBuilder().width(WIDTH)
			.height(HEIGHT)
			.title("Confirmed points vs estimated cost, per week")
			.build();
		style(chart.getStyler());
		List<String> labels = weeks.stream().map((week) -> WEEK.format(week.weekStart())).toList();
		List<Double> points = weeks.stream().map(Digest.WeekFigures::confirmedPoints).toList();
		List<Double> cost = weeks.stream().map(Digest.WeekFigures::estimatedCostUsd).toList();
		CategorySeries pointSeries = chart.addSeries("Confirmed points", labels, points);
		pointSeries.setFillColor(POINTS);
		CategorySeries costSeries = chart.addSeries("Estimated cost (USD)", labels, cost);
		costSeries.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
		costSeries.setLineColor(COST);
		costSeries.setMarkerColor(COST);
		costSeries.setYAxisGroup(1);
		chart.setYAxisGroupTitle(0, "Confirmed points");
		chart.setYAxisGroupTitle(1, "Estimated cost (USD)");
		try {
			return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void style(Styler styler) {
		Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
		styler.setChartTitleFont(base.deriveFont(Font.BOLD, 20f));
		styler.setLegendFont(base);
		styler.setLegendPosition(Styler.LegendPosition.OutsideS);
		styler.setLegendLayout(Styler.LegendLayout.Horizontal);
		styler.setChartBackgroundColor(Color.WHITE);
		styler.setPlotBackgroundColor(Color.WHITE);
		styler.setAntiAlias(true);
		if (styler instanceof org.knowm.xchart.style.CategoryStyler category) {
			category.setAxisTickLabelsFont(base);
			category.setAxisTitleFont(base.deriveFont(Font.BOLD));
			category.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
			category.setYAxisMin(0, 0.0);
			category.setYAxisMin(1, 0.0);
			category.setYAxisDecimalPattern("#,##0.#");
			category.setPlotGridVerticalLinesVisible(false);
			category.setOverlapped(true);
		}
	}

}
