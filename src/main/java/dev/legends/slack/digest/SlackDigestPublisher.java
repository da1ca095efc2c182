package dev.legends.slack.digest;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.Message;
import dev.legends.digest.DigestPublisher;
import dev.legends.digest.NudgePublisher;
import dev.legends.slack.SlackTeamScope;
import dev.legends.slack.digest.ChannelPacer.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts digests and nudges to Slack: Block Kit with a text fallback, the period key in
 * the message metadata, the chart uploaded into the digest's thread; paced per channel,
 * waiting out 429s and retrying 5xx with backoff; a channel that cannot be posted to is
 * reported, never retried in a loop.
 */
@Component
class SlackDigestPublisher implements DigestPublisher, NudgePublisher, DisposableBean {

	static final String EVENT_TYPE = "legends_digest";

	static final Set<String> CHANNEL_ERRORS = Set.of("channel_not_found", "not_in_channel", "is_archived");

	private static final Logger logger = LoggerFactory.getLogger(SlackDigestPublisher.class);

	private static final int HISTORY_LIMIT = 200;

	private final MethodsClient methods;

	private final ScheduledExecutorService executor;

	private final ChannelPacer pacer;

	private final RenderedDigests rendered = new RenderedDigests();

	SlackDigestPublisher(MethodsClient methods, SlackDigestProperties properties) {
		this.methods = methods;
		this.executor = Executors.newScheduledThreadPool(properties.postThreads(), (runnable) -> {
			Thread thread = new Thread(runnable, "legends-digest-post");
			thread.setDaemon(true);
			return thread;
		});
		this.pacer = new ChannelPacer(properties.channelInterval(), this.executor);
	}

	@Override
	public CompletableFuture<PublishResult> post(DigestDelivery delivery) {
		ChatPostMessageRequest request = ChatPostMessageRequest.builder()
			.channel(delivery.channelId())
			.text(DigestBlocks.fallbackText(delivery.digest()))
			.blocksAsString(this.rendered.blocks(delivery.digest()))
			.metadata(new Message.Metadata(EVENT_TYPE,
					Map.of("period_key", delivery.periodKey(), "schedule_id", delivery.scheduleId())))
			.unfurlLinks(false)
			.unfurlMedia(false)
			.build();
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger rateLimits = new AtomicInteger();
		return this.pacer.submit(delivery.channelId(), () -> {
			try (SlackTeamScope scope = SlackTeamScope.workspace(delivery.workspaceId())) {
				delivery.sending().run();
				return attemptPost(request, failures, rateLimits);
			}
		}).thenApplyAsync((result) -> withChart(result, delivery), this.executor);
	}

	private Step<PublishResult> attemptPost(ChatPostMessageRequest request, AtomicInteger failures,
			AtomicInteger rateLimits) {
		try {
			ChatPostMessageResponse response = this.methods.chatPostMessage(request);
			if (response.isOk()) {
				return Step.done(PublishResult.posted(response.getChannel(), response.getTs()));
			}
			if (CHANNEL_ERRORS.contains(response.getError())) {
				return Step.done(PublishResult.channelUnavailable(response.getError()));
			}
			if ("ratelimited".equals(response.getError())
					&& rateLimits.incrementAndGet() < SlackRetries.MAX_RATE_LIMITED) {
				return Step.retryAfter(Duration.ofSeconds(1));
			}
			return Step.done(PublishResult.failed(response.getError()));
		}
		catch (SlackApiException | IOException ex) {
			Duration wait = (ex instanceof SlackApiException api) ? SlackRetries.retryAfter(api) : null;
			if (wait != null && rateLimits.incrementAndGet() < SlackRetries.MAX_RATE_LIMITED) {
				logger.debug("chat.postMessage to {} rate limited; waiting {}", request.getChannel(), wait);
				return Step.retryAfter(wait);
			}
			int failed = failures.incrementAndGet();
			if (SlackRetries.isTransient(ex) && failed < SlackRetries.MAX_ATTEMPTS) {
				return Step.retryAfter(SlackRetries.backoff(failed));
			}
			return Step.done(PublishResult.failed(describe(ex)));
		}
	}

	private PublishResult withChart(PublishResult result, DigestDelivery delivery) {
		if (result.status() == Status.POSTED && delivery.chartPng() != null) {
			uploadChart(result.message(), delivery);
		}
		return result;
	}

	private void uploadChart(PostedMessage message, DigestDelivery delivery) {
		try (SlackTeamScope scope = SlackTeamScope.workspace(delivery.workspaceId())) {
			FilesUploadV2Response response = SlackRetries
				.call(() -> this.methods.filesUploadV2((r) -> r.channel(message.channelId())
					.threadTs(message.ts())
					.fileData(delivery.chartPng())
					.filename("legends-digest.png")
					.title("Confirmed points vs estimated cost, " + delivery.digest().periodLabel())
					.initialComment("Confirmed points against estimated cost, week by week.")));
			if (!response.isOk()) {
				logger.warn("Chart upload for digest {} answered {}", delivery.periodKey(), response.getError());
			}
		}
		catch (IOException | SlackApiException | RuntimeException ex) {
			logger.warn("Chart upload for digest {} failed: {}", delivery.periodKey(), describe(ex));
		}
	}

	@Override
	public Optional<PostedMessage> findPosted(long workspaceId, String channelId, long scheduleId, String periodKey) {
		try (SlackTeamScope scope = SlackTeamScope.workspace(workspaceId)) {
			ConversationsHistoryResponse response = SlackRetries.call(() -> this.methods
				.conversationsHistory((r) -> r.channel(channelId).includeAllMetadata(true).limit(HISTORY_LIMIT)));
			if (!response.isOk() && CHANNEL_ERRORS.contains(response.getError())) {
				return Optional.empty();
			}
			if (!response.isOk() || response.getMessages() == null) {
				throw new IllegalStateException(
						"Cannot read the history of " + channelId + ": Slack answered " + response.getError());
			}
			return response.getMessages()
				.stream()
				.filter((message) -> message.getBotId() != null && carries(message, scheduleId, periodKey))
				.findFirst()
				.map((message) -> new PostedMessage(channelId, message.getTs()));
		}
		catch (IOException | SlackApiException ex) {
			throw new IllegalStateException("Cannot read the history of " + channelId + ": " + describe(ex), ex);
		}
	}

	static boolean carries(Message message, long scheduleId, String periodKey) {
		Message.Metadata metadata = message.getMetadata();
		if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType()) || metadata.getEventPayload() == null) {
			return false;
		}
		Object key = metadata.getEventPayload().get("period_key");
		Object schedule = metadata.getEventPayload().get("schedule_id");
		long id = (schedule instanceof Number number) ? number.longValue()
				: (schedule != null) ? (long) Double.parseDouble(schedule.toString()) : -1;
		return periodKey.equals(key) && id == scheduleId;
	}

	@Override
	public void tellOwner(DeliveryProblem problem) {
		String text = OwnerMessages.fix(problem.channelId(), problem.error());
		try (SlackTeamScope scope = SlackTeamScope.workspace(problem.workspaceId())) {
			ChatPostMessageResponse response = SlackRetries
				.call(() -> this.methods.chatPostMessage((r) -> r.channel(problem.ownerUserId()).text(text)));
			if (!response.isOk()) {
				logger.warn("Could not DM the owner of the digest in {}: {}", problem.channelId(), response.getError());
			}
		}
		catch (IOException | SlackApiException ex) {
			logger.warn("Could not DM the owner of the digest in {}: {}", problem.channelId(), describe(ex));
		}
	}

	@Override
	public boolean nudge(Nudge nudge) {
		try (SlackTeamScope scope = SlackTeamScope.workspace(nudge.workspaceId())) {
			ChatPostMessageResponse response = SlackRetries.call(() -> this.methods.chatPostMessage(
					(r) -> r.channel(nudge.userId()).text(NudgeBlocks.text(nudge)).blocks(NudgeBlocks.render(nudge))));
			if (!response.isOk()) {
				logger.info("Nudge to {} answered {}", nudge.userId(), response.getError());
			}
			return response.isOk();
		}
		catch (IOException | SlackApiException ex) {
			logger.warn("Nudge to {} failed: {}", nudge.userId(), describe(ex));
			return false;
		}
	}

	private static String describe(Exception ex) {
		if (ex instanceof SlackApiException api && api.getResponse() != null) {
			return "http_" + api.getResponse().code();
		}
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/**
	 * What the owner reads when a channel cannot be posted to.
	 */
	static final class OwnerMessages {

		private OwnerMessages() {
		}

		static String fix(String channelId, String error) {
			String channel = "<#" + channelId + ">";
			return switch (error) {
				case "not_in_channel" -> "I couldn't post the Legends digest in " + channel
						+ " because I'm not a member of it. In that channel, type `/invite @Legends`; the next digest "
						+ "then posts as planned.";
				case "is_archived" -> "I couldn't post the Legends digest in " + channel
						+ " because the channel is archived. Unarchive it, or type `/legends digest setup` in the "
						+ "channel that should get the digest.";
				default -> "I couldn't post the Legends digest in " + channel + " (Slack says `" + error
						+ "`): I can't see that channel. If it's private, type `/invite @Legends` in it; if it was "
						+ "deleted, type `/legends digest setup` in the channel that should get the digest.";
			};
		}

	}

}
