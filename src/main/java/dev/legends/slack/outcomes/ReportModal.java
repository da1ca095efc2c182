package dev.legends.slack.outcomes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.legends.outcomes.OutcomeField;
import dev.legends.outcomes.OutcomeKind;
import dev.legends.outcomes.OutcomePoints;
import dev.legends.outcomes.OutcomeSize;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.urlTextInput;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * Builds the "Report an outcome" modal (also used to edit one); its block and action ids
 * are stable because submissions and validation errors refer to them.
 */
final class ReportModal {

	static final String CALLBACK_ID = "outcome_report";

	static final String KIND = "kind";

	static final String TITLE = "title";

	static final String LINK = "link";

	static final String SIZE = "size";

	static final String DATE = "date";

	static final String COLLABORATORS = "collaborators";

	static final String CONFIRMER = "confirmer";

	static final String NOTES = "notes";

	static final int MAX_TITLE = 150;

	static final int MAX_NOTES = 2000;

	static final int MAX_COLLABORATORS = 10;

	private static final Map<OutcomeField, String> BLOCKS = Map.of(OutcomeField.KIND, KIND, OutcomeField.TITLE, TITLE,
			OutcomeField.LINK, LINK, OutcomeField.SIZE, SIZE, OutcomeField.DATE, DATE, OutcomeField.COLLABORATORS,
			COLLABORATORS, OutcomeField.CONFIRMER, CONFIRMER, OutcomeField.NOTES, NOTES);

	private static final Map<OutcomeSize, String> SIZE_HINTS = Map.of(OutcomeSize.S,
			"A quick fix, a small doc, one ticket", OutcomeSize.M, "A feature, a real bug hunt, an incident",
			OutcomeSize.L, "A launch, a migration, a multi-week effort");

	private ReportModal() {
	}

	/**
	 * The block id a validation problem belongs to.
	 * @param field the field
	 * @return the input block's id
	 */
	static String blockOf(OutcomeField field) {
		return BLOCKS.get(field);
	}

	/**
	 * Build the modal.
	 * @param form what to prefill
	 * @param points the points of each size, for the size options
	 * @return the view
	 */
	static View build(ReportForm form, Function<OutcomeSize, Double> points) {
		return view((v) -> v.type("modal")
			.callbackId(CALLBACK_ID)
			.title(viewTitle((t) -> t.type("plain_text").text(form.editing() ? "Edit outcome" : "Report an outcome")))
			.submit(viewSubmit((s) -> s.type("plain_text").text(form.editing() ? "Save" : "Report")))
			.close(viewClose((c) -> c.type("plain_text").text("Cancel")))
			.privateMetadata(form.metadata().encode())
			.blocks(blocks(form, points)));
	}

	private static List<LayoutBlock> blocks(ReportForm form, Function<OutcomeSize, Double> points) {
		List<OptionObject> kinds = Arrays.stream(OutcomeKind.values()).map(ReportModal::kindOption).toList();
		List<OptionObject> sizes = Arrays.stream(OutcomeSize.values())
			.map((size) -> sizeOption(size, points.apply(size)))
			.toList();
		return List.of(
				context((c) -> c.elements(List.of(markdownText("Counts half until a teammate or your manager "
						+ "confirms it, then fully. One link counts once; collaborators share the points.")))),
				input((i) -> i.blockId(KIND)
					.label(plainText("Kind"))
					.element(staticSelect((s) -> s.actionId("kind_select")
						.placeholder(plainText("What did you deliver?"))
						.options(kinds)
						.initialOption(find(kinds, form.kind()))))),
				input((i) -> i.blockId(TITLE)
					.label(plainText("Title"))
					.element(plainTextInput((p) -> p.actionId("title_input")
						.maxLength(MAX_TITLE)
						.initialValue(blankToNull(form.title()))
						.placeholder(plainText("Shipped the billing export"))))),
				input((i) -> i.blockId(LINK)
					.optional(true)
					.label(plainText("Link"))
					.hint(plainText("A PR, ticket, doc or message that shows it. Each link counts once."))
					.element(urlTextInput((u) -> u.actionId("link_input").initialValue(blankToNull(form.link()))))),
				input((i) -> i.blockId(SIZE)
					.label(plainText("Size"))
					.element(radioButtons((r) -> r.actionId("size_select")
						.options(sizes)
						.initialOption(find(sizes, (form.size() != null) ? form.size() : OutcomeSize.M.name()))))),
				input((i) -> i.blockId(DATE)
					.label(plainText("When"))
					.element(datePicker((d) -> d.actionId("date_picker").initialDate(form.date().toString())))),
				input((i) -> i.blockId(COLLABORATORS)
					.optional(true)
					.label(plainText("Collaborators"))
					.hint(plainText("They share the points with you."))
					.element(multiUsersSelect((m) -> m.actionId("collaborators_select")
						.placeholder(plainText("Who did it with you?"))
						.maxSelectedItems(MAX_COLLABORATORS)
						.initialUsers(form.collaborators().isEmpty() ? null : form.collaborators())))),
				input((i) -> i.blockId(CONFIRMER)
					.optional(true)
					.label(plainText("Who can confirm it?"))
					.hint(plainText("A teammate who saw it. Leave empty to ask your manager."))
					.element(usersSelect((u) -> u.actionId("confirmer_select")
						.placeholder(plainText("Pick a teammate"))
						.initialUser(form.confirmer())))),
				input((i) -> i.blockId(NOTES)
					.optional(true)
					.label(plainText("Notes"))
					.element(plainTextInput((p) -> p.actionId("notes_input")
						.multiline(true)
						.maxLength(MAX_NOTES)
						.initialValue(blankToNull(form.notes()))))));
	}

	private static OptionObject kindOption(OutcomeKind kind) {
		return OptionObject.builder().text(plainText(kind.label())).value(kind.name()).build();
	}

	private static OptionObject sizeOption(OutcomeSize size, double points) {
		String unit = (points == 1) ? " pt" : " pts";
		return OptionObject.builder()
			.text(plainText(size.name() + " · " + OutcomePoints.format(points) + unit))
			.description(plainText(SIZE_HINTS.get(size)))
			.value(size.name())
			.build();
	}

	private static OptionObject find(List<OptionObject> options, String value) {
		return options.stream().filter((option) -> option.getValue().equals(value)).findFirst().orElse(null);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
