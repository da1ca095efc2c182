package dev.legends.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Reads what a person would see in a Slack message, modal or Home tab JSON: every
 * {@code text} (and {@code value}) string in it, in order.
 */
public final class SlackMessages {

	private SlackMessages() {
	}

	/**
	 * The value of the first button in a message's first actions block (e.g. a board's
	 * "Share to channel").
	 * @param json the message as Slack receives it
	 * @return the button's value
	 */
	public static String firstButtonValue(String json) {
		return JsonParser.parseString(json)
			.getAsJsonObject()
			.getAsJsonArray("blocks")
			.asList()
			.stream()
			.map(JsonElement::getAsJsonObject)
			.filter((block) -> block.get("type").getAsString().equals("actions"))
			.map((block) -> block.getAsJsonArray("elements").get(0).getAsJsonObject().get("value").getAsString())
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The visible text of a message, view or ack body.
	 * @param json the JSON
	 * @return the texts joined by new lines, or the input itself when it is not JSON
	 */
	public static String visibleText(String json) {
		if (json == null || json.isBlank()) {
			return "";
		}
		String trimmed = json.strip();
		if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
			return json;
		}
		List<String> texts = new ArrayList<>();
		collect(JsonParser.parseString(trimmed), texts);
		return String.join("\n", texts);
	}

	private static void collect(JsonElement element, List<String> texts) {
		if (element.isJsonArray()) {
			element.getAsJsonArray().forEach((item) -> collect(item, texts));
		}
		else if (element.isJsonObject()) {
			for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
				JsonElement value = entry.getValue();
				if (value.isJsonPrimitive() && isText(entry.getKey())) {
					texts.add(value.getAsString());
				}
				else if (value.isJsonPrimitive() && value.getAsString().startsWith("{")) {
					collect(JsonParser.parseString(value.getAsString()), texts);
				}
				else {
					collect(value, texts);
				}
			}
		}
	}

	private static boolean isText(String key) {
		return key.equals("text") || key.equals("value") || key.equals("initial_value") || key.equals("title")
				|| key.equals("alt_text") || key.equals("placeholder");
	}

}
