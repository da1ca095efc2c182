package dev.legends.slack.home;

import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import dev.legends.slack.SlackTeamScope;
import dev.legends.slack.ViewsPublisher;
import dev.legends.teams.Teams;
import dev.legends.workspace.ChangeVersions;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import dev.legends.workspace.TimeWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Builds a person's App Home from every {@link HomeSection} and publishes it with
 * {@code views.publish}: when they open it, and in the background after something they
 * see there changed (for people who have opened it, on any instance; the others get a
 * fresh view when they do).
 */
@Component
public class HomePublisher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(HomePublisher.class);

	private final List<HomeSection> sections;

	private final Members members;

	private final Teams teams;

	private final ViewsPublisher views;

	private final Clock clock;

	private final ChangeVersions viewers;

	private final ExecutorService background = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "legends-home");
		thread.setDaemon(true);
		return thread;
	});

	HomePublisher(List<HomeSection> sections, Members members, Teams teams, ViewsPublisher views,
			ChangeVersions viewers, Optional<Clock> clock) {
		this.viewers = viewers;
		this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
		this.members = members;
		this.teams = teams;
		this.views = views;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * The Home view for a person, as it would be published now.
	 * @param member the person
	 * @return the view
	 */
	public View viewFor(Member member) {
		TimeWindow week = TimeWindow.isoWeekOf(this.clock.instant(), member.getZoneId());
		HomeContext context = new HomeContext(member, this.members.isAdmin(member), this.teams.isManager(member), week,
				this.clock.instant());
		return HomeView.build(this.sections.stream().map((section) -> section.render(context)).toList());
	}

	/**
	 * Build and publish a person's Home now.
	 * @param member the person
	 */
	public void publish(Member member) {
		View view = viewFor(member);
		try (SlackTeamScope scope = SlackTeamScope.workspace(member.getWorkspaceId())) {
			ViewsPublishResponse response = this.views.publish(member.getSlackUserId(), view);
			if (!response.isOk()) {
				logger.info("views.publish for {} answered {}", member.getSlackUserId(), response.getError());
			}
		}
		catch (IOException | SlackApiException ex) {
			logger.warn("views.publish for {} failed: {}", member.getSlackUserId(), ex.getMessage());
		}
	}

	/**
	 * Publish the Home of someone who just opened it, and keep it fresh from now on.
	 * @param member the person
	 */
	public void opened(Member member) {
		this.viewers.homeOpened(member.getId());
		publish(member);
	}

	/**
	 * Re-publish, in the background one after another, the Home of those of these people
	 * who have opened it.
	 * @param memberIds the people
	 */
	public void publishLater(Collection<Long> memberIds) {
		Set<Long> ids = this.viewers.withHome(Set.copyOf(memberIds));
		if (ids.isEmpty()) {
			return;
		}
		this.background.execute(() -> ids.forEach((id) -> {
			try {
				this.members.findById(id).ifPresent(this::publish);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not refresh App Home of member {}: {}", id, ex.getMessage());
			}
		}));
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
