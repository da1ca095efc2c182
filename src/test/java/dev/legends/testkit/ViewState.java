package dev.legends.testkit;

import java.time.LocalDate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Builds the {@code view.state.values} of a view submission the way Slack fills it: one
 * object per block id, one per action id, shaped by element type.
 */
public final class ViewState {

	private final JsonObject values = new JsonObject();

	/**
	 * Start an empty state.
	 * @return the builder
	 */
	public static ViewState values() {
		return new ViewState();
	}

	/**
	 * A plain text input.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param value what was typed, or {@code null} for nothing
	 * @return this builder
	 */
	public ViewState text(String blockId, String actionId, String value) {
		return single(blockId, actionId, "plain_text_input", "value", value);
	}

	/**
	 * A URL input.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param value what was typed, or {@code null}
	 * @return this builder
	 */
	public ViewState url(String blockId, String actionId, String value) {
		return single(blockId, actionId, "url_text_input", "value", value);
	}

	/**
	 * A number input.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param value what was typed, or {@code null}
	 * @return this builder
	 */
	public ViewState number(String blockId, String actionId, String value) {
		return single(blockId, actionId, "number_input", "value", value);
	}

	/**
	 * A static select (or radio buttons) with a chosen option.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param value the chosen option's value, or {@code null} for none
	 * @return this builder
	 */
	public ViewState select(String blockId, String actionId, String value) {
		JsonObject element = element(blockId, actionId, "static_select");
		if (value != null) {
			JsonObject option = new JsonObject();
			JsonObject text = new JsonObject();
			text.addProperty("type", "plain_text");
			text.addProperty("text", value);
			option.add("text", text);
			option.addProperty("value", value);
			element.add("selected_option", option);
		}
		return this;
	}

	/**
	 * Checkboxes with the chosen options.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param values the chosen options' values
	 * @return this builder
	 */
	public ViewState checkboxes(String blockId, String actionId, String... values) {
		JsonObject element = element(blockId, actionId, "checkboxes");
		JsonArray options = new JsonArray();
		for (String value : values) {
			JsonObject option = new JsonObject();
			JsonObject text = new JsonObject();
			text.addProperty("type", "plain_text");
			text.addProperty("text", value);
			option.add("text", text);
			option.addProperty("value", value);
			options.add(option);
		}
		element.add("selected_options", options);
		return this;
	}

	/**
	 * A single-user select.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param userId the chosen user, or {@code null}
	 * @return this builder
	 */
	public ViewState user(String blockId, String actionId, String userId) {
		return single(blockId, actionId, "users_select", "selected_user", userId);
	}

	/**
	 * A multi-user select.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param userIds the chosen users
	 * @return this builder
	 */
	public ViewState users(String blockId, String actionId, String... userIds) {
		JsonObject element = element(blockId, actionId, "multi_users_select");
		JsonArray users = new JsonArray();
		for (String userId : userIds) {
			users.add(userId);
		}
		element.add("selected_users", users);
		return this;
	}

	/**
	 * A conversation (channel) select.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param channelId the chosen channel, or {@code null}
	 * @return this builder
	 */
	public ViewState conversation(String blockId, String actionId, String channelId) {
		return single(blockId, actionId, "conversations_select", "selected_conversation", channelId);
	}

	/**
	 * A date picker.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param date the chosen date, or {@code null}
	 * @return this builder
	 */
	public ViewState date(String blockId, String actionId, LocalDate date) {
		return single(blockId, actionId, "datepicker", "selected_date", (date != null) ? date.toString() : null);
	}

	/**
	 * A time picker.
	 * @param blockId the input block id
	 * @param actionId the element's action id
	 * @param time the chosen time as {@code HH:mm}, or {@code null}
	 * @return this builder
	 */
	public ViewState time(String blockId, String actionId, String time) {
		return single(blockId, actionId, "timepicker", "selected_time", time);
	}

	private ViewState single(String blockId, String actionId, String type, String key, String value) {
		JsonObject element = element(blockId, actionId, type);
		if (value != null) {
			element.addProperty(key, value);
		}
		return this;
	}

	JsonObject toJson() {
		JsonObject state = new JsonObject();
		state.add("values", this.values.deepCopy());
		return state;
	}

	private JsonObject element(String blockId, String actionId, String type) {
		if (!this.values.has(blockId)) {
			this.values.add(blockId, new JsonObject());
		}
		JsonObject element = new JsonObject();
		element.addProperty("type", type);
		this.values.getAsJsonObject(blockId).add(actionId, element);
		return element;
	}

}
