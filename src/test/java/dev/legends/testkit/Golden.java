package dev.legends.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden JSON files under {@code src/test/resources/golden}: rendered Block Kit compared
 * with a file checked in; run with {@code -Dgolden.update=true} to rewrite them.
 */
public final class Golden {

	private static final Gson GSON = GsonFactory.createSnakeCase();

	private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	private Golden() {
	}

	/**
	 * Serialize an object as Slack would receive it.
	 * @param value blocks, a view or a message
	 * @return pretty JSON
	 */
	public static String json(Object value) {
		return PRETTY.toJson(JsonParser.parseString(GSON.toJson(value))) + "\n";
	}

	/**
	 * Assert that an object serializes to the golden file's JSON.
	 * @param name the file under {@code src/test/resources/golden}, e.g.
	 * {@code scoring/board.json}
	 * @param value the rendered value
	 */
	public static void assertMatches(String name, Object value) {
		Path file = Path.of("src/test/resources/golden", name);
		String actual = json(value);
		try {
			if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, actual, StandardCharsets.UTF_8);
			}
			assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
