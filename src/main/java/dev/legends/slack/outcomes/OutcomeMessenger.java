package dev.legends.slack.outcomes;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.legends.outcomes.OutcomeDetails;
import dev.legends.outcomes.OutcomePoints;
import dev.legends.outcomes.OutcomeStatus;
import dev.legends.slack.SlackTeamScope;
import dev.legends.slack.blocks.SlackText;
import dev.legends.outcomes.Outcomes;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.WorkspaceProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends the outcome DMs after the request was acknowledged: the reporter's receipt, the
 * confirmation requests, and the updates once someone decides.
 */
@Component
class OutcomeMessenger {

	private static final Logger logger = LoggerFactory.getLogger(OutcomeMessenger.class);

	private final MethodsClient slack;

	private final Outcomes outcomes;

	private final Members members;

	private final WorkspaceProperties workspace;

	private final RequestMessages requests;

	private final OutcomePoints points;

	private final OutcomeShares shares;

	private final ExecutorService executor = Executors.newFixedThreadPool(2, daemon());

	OutcomeMessenger(MethodsClient slack, Outcomes outcomes, Members members, WorkspaceProperties workspace,
			RequestMessages requests, OutcomePoints points, OutcomeShares shares) {
		this.shares = shares;
		this.slack = slack;
		this.outcomes = outcomes;
		this.members = members;
		this.workspace = workspace;
		this.requests = requests;
		this.points = points;
	}

	/**
	 * After a report: the receipt to the reporter and a confirmation request to each
	 * person who may confirm, in the background.
	 * @param teamId the Slack team
	 * @param outcomeId the new outcome
	 * @param shareChannelId where "Share to channel" posts, or {@code null}
	 */
	void reported(String teamId, Long outcomeId, String shareChannelId) {
		later(() -> sendReported(teamId, outcomeId, shareChannelId));
	}

	/**
	 * After a decision (confirmed, rejected or withdrawn): update every request DM and
	 * tell the reporter, in the background.
	 * @param outcomeId the outcome
	 */
	void decided(Long outcomeId) {
		later(() -> sendDecided(outcomeId));
	}

	/**
	 * After an edit: refresh the request DMs and ask anyone newly entitled to confirm, in
	 * the background.
	 * @param teamId the Slack team
	 * @param outcomeId the edited outcome
	 */
	void edited(String teamId, Long outcomeId) {
		later(() -> sendEdited(teamId, outcomeId));
	}

	/**
	 * When a confirmer reached their weekly limit: ask the reporter's managers who were
	 * not asked yet, in the background.
	 * @param teamId the Slack team
	 * @param outcomeId the outcome
	 */
	void askManagers(String teamId, Long outcomeId) {
		later(() -> {
			OutcomeDetails outcome = this.outcomes.find(outcomeId).orElseThrow();
			OutcomeCard card = card(outcome);
			List<String> asked = this.requests.of(outcomeId)
				.stream()
				.map(RequestMessages.Message::recipientUserId)
				.toList();
			this.workspace.adminUsers().forEach((admin) -> this.members.member(teamId, admin));
			this.outcomes.managersFor(outcomeId)
				.stream()
				.map(this.members::findById)
				.flatMap(Optional::stream)
				.filter((person) -> !asked.contains(person.getSlackUserId()))
				.forEach((person) -> request(outcomeId, card, person));
		});
	}

	/**
	 * Answer the person who clicked, only to them: through the action's response URL,
	 * else by DM.
	 * @param ctx the action context
	 * @param payload the action payload
	 * @param mrkdwn the answer
	 */
	void tell(ActionContext ctx, BlockActionPayload payload, String mrkdwn) {
		try {
			if (payload.getResponseUrl() != null) {
				ctx.respond((r) -> r.responseType("ephemeral").replaceOriginal(false).text(mrkdwn));
				return;
			}
		}
		catch (IOException ex) {
			logger.warn("Answering through response_url failed: {}", ex.getMessage());
		}
		dm(payload.getUser().getId(), mrkdwn, null);
	}

	/**
	 * Build the card of an outcome: names and points beside it.
	 * @param outcome the outcome
	 * @return the card
	 */
	OutcomeCard card(OutcomeDetails outcome) {
		return new OutcomeCard(outcome, name(outcome.reporterId()),
				outcome.collaboratorIds().stream().map(this::name).toList(),
				this.points.value(outcome.size(), OutcomeStatus.CONFIRMED),
				this.points.value(outcome.size(), OutcomeStatus.REPORTED));
	}

	/**
	 * A member's display name.
	 * @param memberId the member
	 * @return the name, never a mention
	 */
	String name(Long memberId) {
		return this.members.findById(memberId).map(Member::getDisplayName).orElse("someone");
	}

	private void sendReported(String teamId, Long outcomeId, String shareChannelId) {
		OutcomeDetails outcome = this.outcomes.find(outcomeId).orElseThrow();
		this.workspace.adminUsers().forEach((admin) -> this.members.member(teamId, admin));
		List<Member> asked = this.outcomes.confirmationRecipients(outcomeId)
			.stream()
			.map(this.members::findById)
			.flatMap(Optional::stream)
			.toList();
		OutcomeCard card = card(outcome);
		String share = (shareChannelId != null && !shareChannelId.startsWith("D")) ? shareChannelId : null;
		if (share != null) {
			this.shares.remember(outcomeId, share);
		}
		dm(slackId(outcome.reporterId()), "Reported: " + SlackText.echo(outcome.title(), 150),
				OutcomeBlocks.receipt(card, asked.stream().map(Member::getDisplayName).toList(), share));
		asked.forEach((person) -> request(outcomeId, card, person));
	}

	private void sendEdited(String teamId, Long outcomeId) {
		OutcomeDetails outcome = this.outcomes.find(outcomeId).orElseThrow();
		OutcomeCard card = card(outcome);
		List<RequestMessages.Message> sent = this.requests.of(outcomeId);
		for (RequestMessages.Message message : sent) {
			call("chat.update",
					() -> this.slack.chatUpdate((r) -> r.channel(message.channelId())
						.ts(message.ts())
						.text(SlackText.escape(card.reporterName()) + " asks you to confirm an outcome")
						.blocks(OutcomeBlocks.request(card))));
		}
		List<String> asked = sent.stream().map(RequestMessages.Message::recipientUserId).toList();
		this.workspace.adminUsers().forEach((admin) -> this.members.member(teamId, admin));
		this.outcomes.confirmationRecipients(outcomeId)
			.stream()
			.map(this.members::findById)
			.flatMap(Optional::stream)
			.filter((person) -> !asked.contains(person.getSlackUserId()))
			.forEach((person) -> request(outcomeId, card, person));
	}

	private void request(Long outcomeId, OutcomeCard card, Member person) {
		ChatPostMessageResponse sent = dm(person.getSlackUserId(),
				SlackText.escape(card.reporterName()) + " asks you to confirm an outcome", OutcomeBlocks.request(card));
		if (sent != null && sent.isOk()) {
			this.requests.add(outcomeId, sent.getChannel(), sent.getTs(), person.getSlackUserId());
		}
	}

	private void sendDecided(Long outcomeId) {
		OutcomeDetails outcome = this.outcomes.find(outcomeId).orElseThrow();
		OutcomeCard card = card(outcome);
		String decider = (outcome.decidedById() != null) ? name(outcome.decidedById()) : "someone";
		String decision = switch (outcome.status()) {
			case CONFIRMED -> "Confirmed by " + decider;
			case REJECTED -> "Rejected by " + decider;
			case WITHDRAWN -> "Withdrawn by " + card.reporterName();
			case REPORTED -> "Waiting for confirmation";
		};
		List<LayoutBlock> blocks = OutcomeBlocks.decided(card, decision);
		for (RequestMessages.Message message : this.requests.of(outcomeId)) {
			call("chat.update", () -> this.slack
				.chatUpdate((r) -> r.channel(message.channelId()).ts(message.ts()).text(decision).blocks(blocks)));
		}
		if (outcome.status() == OutcomeStatus.CONFIRMED || outcome.status() == OutcomeStatus.REJECTED) {
			String text = OutcomeBlocks.notice(card, decider, outcome.status() == OutcomeStatus.CONFIRMED);
			dm(slackId(outcome.reporterId()), text, null);
		}
	}

	private ChatPostMessageResponse dm(String userId, String text, List<LayoutBlock> blocks) {
		ConversationsOpenResponse open = call("conversations.open",
				() -> this.slack.conversationsOpen((r) -> r.users(List.of(userId))));
		if (open == null || !open.isOk()) {
			return null;
		}
		String channel = open.getChannel().getId();
		return call("chat.postMessage", () -> this.slack.chatPostMessage((r) -> {
			r.channel(channel).text(text);
			if (blocks != null) {
				r.blocks(blocks);
			}
			return r;
		}));
	}

	private String slackId(Long memberId) {
		return this.members.findById(memberId).map(Member::getSlackUserId).orElseThrow();
	}

	private <T extends com.slack.api.methods.SlackApiTextResponse> T call(String method, SlackCall<T> call) {
		try {
			T response = call.run();
			if (!response.isOk()) {
				logger.warn("{} answered {}", method, response.getError());
			}
			return response;
		}
		catch (Exception ex) {
			logger.warn("{} failed: {}", method, ex.getMessage());
			return null;
		}
	}

	/**
	 * Run in the background, in the installation scope of the request that asked (its
	 * token, and on an org-wide install the org's one workspace).
	 */
	private void later(Runnable task) {
		this.executor.execute(SlackTeamScope.carried(() -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				logger.error("Sending outcome messages failed", ex);
			}
		}));
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

	private static ThreadFactory daemon() {
		return (runnable) -> {
			Thread thread = new Thread(runnable, "legends-outcome-messages");
			thread.setDaemon(true);
			return thread;
		};
	}

	@FunctionalInterface
	interface SlackCall<T> {

		T run() throws Exception;

	}

}
