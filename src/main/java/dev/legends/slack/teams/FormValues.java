package dev.legends.slack.teams;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.slack.api.model.view.ViewState;

/**
 * Reads a submitted modal's values by block and action id, tolerating anything missing (a
 * forged payload may leave out whatever it likes).
 */
final class FormValues {

	private final Map<String, Map<String, ViewState.Value>> values;

	FormValues(ViewState state) {
		this.values = (state != null && state.getValues() != null) ? state.getValues() : Map.of();
	}

	String text(String blockId, String actionId) {
		ViewState.Value value = value(blockId, actionId);
		if (value == null || value.getValue() == null || value.getValue().isBlank()) {
			return null;
		}
		return value.getValue().strip();
	}

	List<String> users(String blockId, String actionId) {
		ViewState.Value value = value(blockId, actionId);
		return (value != null && value.getSelectedUsers() != null) ? List.copyOf(value.getSelectedUsers()) : List.of();
	}

	String conversation(String blockId, String actionId) {
		ViewState.Value value = value(blockId, actionId);
		return (value != null) ? value.getSelectedConversation() : null;
	}

	String option(String blockId, String actionId) {
		ViewState.Value value = value(blockId, actionId);
		return (value != null && value.getSelectedOption() != null) ? value.getSelectedOption().getValue() : null;
	}

	LocalDate date(String blockId, String actionId) {
		ViewState.Value value = value(blockId, actionId);
		if (value == null || value.getSelectedDate() == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.getSelectedDate());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private ViewState.Value value(String blockId, String actionId) {
		Map<String, ViewState.Value> block = this.values.get(blockId);
		return (block != null) ? block.get(actionId) : null;
	}

}
