package dev.legends.slack.outcomes;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.view.ViewState;
import dev.legends.outcomes.ConfirmerLimitReachedException;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomeRefusedException;
import dev.legends.outcomes.Outcomes;
import dev.legends.slack.SlackFeature;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Confirm and Reject on a confirmation request (reject asks for a reason), and "Share to
 * channel" on a receipt; every click is checked on the server, whatever the button said.
 */
@Component
class DecisionFeature implements SlackFeature {

	private final Outcomes outcomes;

	private final Members members;

	private final OutcomeMessenger messenger;

	private final OutcomeShares shares;

	DecisionFeature(Outcomes outcomes, Members members, OutcomeMessenger messenger, OutcomeShares shares) {
		this.shares = shares;
		this.outcomes = outcomes;
		this.members = members;
		this.messenger = messenger;
	}

	@Override
	public void register(App app) {
		app.blockAction(OutcomeBlocks.CONFIRM, (request, ctx) -> confirm(request.getPayload(), ctx));
		app.blockAction(OutcomeBlocks.REJECT, (request, ctx) -> reject(request.getPayload(), ctx));
		app.viewSubmission(RejectModal.CALLBACK_ID, (request, ctx) -> rejectWithReason(request.getPayload(), ctx));
		app.blockAction(OutcomeBlocks.SHARE, (request, ctx) -> share(request.getPayload(), ctx));
	}

	private Response confirm(BlockActionPayload payload, ActionContext ctx) {
		Member member = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		try {
			this.outcomes.confirm(outcomeId(payload), member.getId());
			this.messenger.decided(outcomeId(payload));
		}
		catch (ConfirmerLimitReachedException ex) {
			this.messenger.tell(ctx, payload, ":no_entry: " + ex.getMessage());
			this.messenger.askManagers(payload.getTeam().getId(), outcomeId(payload));
		}
		catch (OutcomeRefusedException ex) {
			this.messenger.tell(ctx, payload, ":no_entry: " + ex.getMessage());
		}
		catch (OptimisticLockingFailureException ex) {
			this.messenger.tell(ctx, payload, "Someone decided this outcome at the same moment; nothing was changed.");
		}
		return ctx.ack();
	}

	private Response reject(BlockActionPayload payload, ActionContext ctx) throws IOException, SlackApiException {
		Member member = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		try {
			Long outcomeId = outcomeId(payload);
			this.outcomes.checkDecider(outcomeId, member.getId());
			OutcomeDetails outcome = this.outcomes.find(outcomeId).orElseThrow();
			ctx.client()
				.viewsOpen((r) -> r.triggerId(payload.getTriggerId())
					.view(RejectModal.build(outcomeId, OutcomeBlocks.title(outcome))));
		}
		catch (OutcomeRefusedException ex) {
			this.messenger.tell(ctx, payload, ":no_entry: " + ex.getMessage());
		}
		return ctx.ack();
	}

	private Response rejectWithReason(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
		Member member = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		Map<String, ViewState.Value> block = payload.getView().getState().getValues().get(RejectModal.REASON);
		String reason = (block != null && !block.isEmpty()) ? block.values().iterator().next().getValue() : null;
		try {
			Long outcomeId = Long.valueOf(payload.getView().getPrivateMetadata());
			this.outcomes.reject(outcomeId, member.getId(), reason);
			this.messenger.decided(outcomeId);
			return ctx.ack();
		}
		catch (NumberFormatException ex) {
			return ctx.ack((r) -> r.responseAction("errors")
				.errors(Map.of(RejectModal.REASON, "This form no longer points at an outcome.")));
		}
		catch (OutcomeRefusedException ex) {
			return ctx.ack((r) -> r.responseAction("errors").errors(Map.of(RejectModal.REASON, ex.getMessage())));
		}
		catch (OptimisticLockingFailureException ex) {
			return ctx.ack((r) -> r.responseAction("errors")
				.errors(Map.of(RejectModal.REASON, "Someone decided this outcome at the same moment.")));
		}
	}

	/**
	 * Post a receipt's outcome in the channel its report came from, once. The channel is
	 * the server's record ({@link OutcomeShares}), never the button's value: the receipt
	 * is a DM, so neither the action's channel nor its {@code response_url} name the
	 * channel of the report. Buttons of receipts sent before carried {@code id|channel}:
	 * only the id is read.
	 */
	private Response share(BlockActionPayload payload, ActionContext ctx) throws IOException, SlackApiException {
		Member member = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		String value = String.valueOf(payload.getActions().get(0).getValue()).split("\\|", 2)[0];
		OutcomeDetails outcome = this.outcomes.find(parseOrZero(value)).orElse(null);
		if (outcome == null || !outcome.reporterId().equals(member.getId())) {
			this.messenger.tell(ctx, payload, ":no_entry: Only the person who reported an outcome can share it.");
			return ctx.ack();
		}
		if (!outcome.status().isActive()) {
			this.messenger.tell(ctx, payload,
					"It was " + outcome.status().name().toLowerCase() + ", so there is nothing to share.");
			return ctx.ack();
		}
		Optional<OutcomeShares.Share> share = this.shares.find(outcome.id());
		if (share.isEmpty()) {
			this.messenger.tell(ctx, payload, "I don't know which channel this was reported from, so I can't share "
					+ "it. Report outcomes from a channel to get a share button.");
			return ctx.ack();
		}
		String channel = share.get().channelId();
		if (!this.shares.claim(outcome.id(), Instant.now())) {
			this.messenger.tell(ctx, payload, "It's already shared in <#" + channel + ">, so I didn't post it again.");
			return ctx.ack();
		}
		ChatPostMessageResponse posted = post(ctx, channel, outcome);
		if (posted == null || !posted.isOk()) {
			this.shares.release(outcome.id());
			this.messenger.tell(ctx, payload,
					"I couldn't post in <#" + channel + "> (Slack said `"
							+ ((posted != null) ? posted.getError() : "no answer")
							+ "`). Invite me there with `/invite @Legends` and try again.");
			return ctx.ack();
		}
		this.shares.posted(outcome.id(), posted.getTs());
		this.messenger.tell(ctx, payload, "Shared in <#" + channel + ">.");
		return ctx.ack();
	}

	private ChatPostMessageResponse post(ActionContext ctx, String channel, OutcomeDetails outcome) {
		try {
			return ctx.client()
				.chatPostMessage((r) -> r.channel(channel)
					.text(OutcomeBlocks.shared(this.messenger.card(outcome)))
					.unfurlLinks(false)
					.linkNames(false));
		}
		catch (IOException | SlackApiException ex) {
			return null;
		}
	}

	static Long outcomeId(BlockActionPayload payload) {
		return parse(payload.getActions().get(0).getValue());
	}

	private static Long parseOrZero(String value) {
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return 0L;
		}
	}

	private static Long parse(String value) {
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException | NullPointerException ex) {
			throw new OutcomeRefusedException("That button no longer points at an outcome.");
		}
	}

}
