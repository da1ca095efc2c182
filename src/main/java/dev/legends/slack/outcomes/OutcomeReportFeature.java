package dev.legends.slack.outcomes;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import dev.legends.outcomes.InvalidOutcomeException;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeDraft;
import dev.legends.outcomes.OutcomeProblem;
import dev.legends.outcomes.OutcomeRefusedException;
import dev.legends.outcomes.Outcomes;
import dev.legends.slack.SlackFeature;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.stereotype.Component;

/**
 * Reporting outcomes from Slack: the modal's submission (new or edit), the "Report as
 * outcome" message shortcut, and the Edit / Withdraw buttons of {@code /legends me}.
 */
@Component
class OutcomeReportFeature implements SlackFeature {

	static final String SHORTCUT = "report_outcome_from_message";

	static final String EDIT = "outcome_edit";

	static final String WITHDRAW = "outcome_withdraw";

	private final Outcomes outcomes;

	private final Members members;

	private final ReportModals modals;

	private final OutcomeMessenger messenger;

	OutcomeReportFeature(Outcomes outcomes, Members members, ReportModals modals, OutcomeMessenger messenger) {
		this.outcomes = outcomes;
		this.members = members;
		this.modals = modals;
		this.messenger = messenger;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(ReportModal.CALLBACK_ID, (request, ctx) -> submit(request.getPayload(), ctx));
		app.messageShortcut(SHORTCUT, this::shortcut);
		app.blockAction(EDIT, (request, ctx) -> edit(request.getPayload(), ctx));
		app.blockAction(WITHDRAW, (request, ctx) -> withdraw(request.getPayload(), ctx));
	}

	private Response submit(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
		String teamId = payload.getTeam().getId();
		Member reporter = this.members.member(teamId, payload.getUser().getId());
		ReportSubmission submission = ReportSubmission.read(payload.getView().getState().getValues());
		ReportMetadata metadata = ReportMetadata.decode(payload.getView().getPrivateMetadata());
		if (submission.collaborators().size() > ReportModal.MAX_COLLABORATORS) {
			return ctx.ack((r) -> r.responseAction("errors")
				.errors(Map.of(ReportModal.COLLABORATORS,
						"Name at most " + ReportModal.MAX_COLLABORATORS + " collaborators.")));
		}
		OutcomeDraft draft = submission.draft(memberIds(teamId, reporter, submission.collaborators()),
				memberId(teamId, reporter, submission.confirmer()));
		try {
			if (metadata.editingId() != null) {
				this.outcomes.edit(metadata.editingId(), reporter.getId(), draft);
				this.messenger.edited(teamId, metadata.editingId());
				return ctx.ack();
			}
			OutcomeDetails outcome = this.outcomes.report(reporter.getId(), draft);
			this.messenger.reported(teamId, outcome.id(), metadata.channelId());
			return ctx.ack();
		}
		catch (InvalidOutcomeException ex) {
			return ctx.ack((r) -> r.responseAction("errors").errors(errors(ex.problems())));
		}
		catch (OutcomeRefusedException ex) {
			return ctx.ack((r) -> r.responseAction("errors").errors(Map.of(ReportModal.TITLE, ex.getMessage())));
		}
	}

	private Response shortcut(MessageShortcutRequest request, MessageShortcutContext ctx)
			throws IOException, SlackApiException {
		var payload = request.getPayload();
		Member reporter = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		String channelId = payload.getChannel().getId();
		String messageText = (payload.getMessage() != null) ? payload.getMessage().getText() : null;
		ChatGetPermalinkResponse permalink = ctx.client()
			.chatGetPermalink((r) -> r.channel(channelId).messageTs(payload.getMessageTs()));
		String link = permalink.isOk() ? permalink.getPermalink() : SlackMarkup.firstUrl(messageText);
		String title = firstLine(messageText);
		var opened = this.modals.open(ctx.client(), payload.getTriggerId(),
				this.modals.fresh(reporter, title, link, channelId));
		if (!opened.isOk() && payload.getResponseUrl() != null) {
			ctx.respond((r) -> r.responseType("ephemeral")
				.text("I couldn't open the report form (Slack said `" + opened.getError() + "`). Please try again."));
		}
		return ctx.ack();
	}

	private Response edit(BlockActionPayload payload, ActionContext ctx) throws IOException, SlackApiException {
		Member member = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		try {
			Long outcomeId = DecisionFeature.outcomeId(payload);
			OutcomeDetails outcome = this.outcomes.checkEditable(outcomeId, member.getId());
			this.modals.open(ctx.client(), payload.getTriggerId(), this.modals.editing(outcome));
		}
		catch (OutcomeRefusedException ex) {
			this.messenger.tell(ctx, payload, ex.getMessage());
		}
		return ctx.ack();
	}

	private Response withdraw(BlockActionPayload payload, ActionContext ctx) {
		Member member = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		try {
			Long outcomeId = DecisionFeature.outcomeId(payload);
			OutcomeDetails outcome = this.outcomes.withdraw(outcomeId, member.getId());
			this.messenger.tell(ctx, payload, "Withdrawn: " + OutcomeBlocks.title(outcome)
					+ ". It no longer counts, and its link is free again.");
			this.messenger.decided(outcomeId);
		}
		catch (OutcomeRefusedException ex) {
			this.messenger.tell(ctx, payload, ex.getMessage());
		}
		return ctx.ack();
	}

	private List<Long> memberIds(String teamId, Member reporter, List<String> userIds) {
		return userIds.stream()
			.distinct()
			.filter((userId) -> !userId.equals(reporter.getSlackUserId()))
			.map((userId) -> this.members.member(teamId, userId).getId())
			.toList();
	}

	private Long memberId(String teamId, Member reporter, String userId) {
		if (userId == null) {
			return null;
		}
		return Objects.equals(userId, reporter.getSlackUserId()) ? reporter.getId()
				: this.members.member(teamId, userId).getId();
	}

	private static Map<String, String> errors(List<OutcomeProblem> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach((problem) -> errors.merge(ReportModal.blockOf(problem.field()), problem.message(),
				(first, second) -> first + " " + second));
		return errors;
	}

	private static String firstLine(String text) {
		if (text == null) {
			return null;
		}
		String plain = text.strip();
		int newline = plain.indexOf('\n');
		return (newline > 0) ? plain.substring(0, newline) : plain;
	}

}
