package dev.legends.slack.digest;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;
import dev.legends.digest.DigestSchedule;
import dev.legends.digest.DigestSchedules;
import dev.legends.digest.DigestSection;
import dev.legends.digest.ScheduleSettings;
import dev.legends.slack.SlackFeature;
import dev.legends.slack.outcomes.ReportFormOpener;
import dev.legends.workspace.Member;
import dev.legends.workspace.Members;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Handles the digest setup modal's submission (rights re-checked, errors shown in the
 * modal) and the "Report an outcome" button of digests and nudges (opens the outcome
 * report form; if Slack refuses, says how to use {@code /legends report}).
 */
@Component
class DigestSetupFeature implements SlackFeature {

	private static final Logger logger = LoggerFactory.getLogger(DigestSetupFeature.class);

	private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

	private final DigestSchedules schedules;

	private final Members members;

	private final MethodsClient methods;

	private final ReportFormOpener reportForm;

	DigestSetupFeature(DigestSchedules schedules, Members members, MethodsClient methods, ReportFormOpener reportForm) {
		this.schedules = schedules;
		this.members = members;
		this.methods = methods;
		this.reportForm = reportForm;
	}

	@Override
	public void register(App app) {
		app.viewSubmission(DigestSetupModal.CALLBACK_ID, (request, ctx) -> submit(request.getPayload(), ctx));
		app.blockAction(DigestBlocks.REPORT_ACTION, (request, ctx) -> {
			var payload = request.getPayload();
			Member member = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
			String channelId = (payload.getChannel() != null) ? payload.getChannel().getId() : null;
			if (this.reportForm.open(ctx.client(), payload.getTriggerId(), member, channelId)) {
				return ctx.ack();
			}
			if (payload.getResponseUrl() != null) {
				ctx.respond((r) -> r.responseType("ephemeral")
					.replaceOriginal(false)
					.text("Type `/legends report` and what you shipped, e.g. `/legends report Fixed the login "
							+ "timeout`. A teammate's confirmation makes it count in full."));
			}
			return ctx.ack();
		});
	}

	private Response submit(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
		Member member = this.members.member(payload.getTeam().getId(), payload.getUser().getId());
		String channelId = payload.getView().getPrivateMetadata();
		Map<String, String> errors = new LinkedHashMap<>();
		if (!this.schedules.mayManage(member)) {
			errors.put(DigestSetupModal.WEEKDAY, "Only Legends admins and team managers can set up digests.");
			return ctx.ack((r) -> r.responseAction("errors").errors(errors));
		}
		if (channelId == null || !channelId.matches("[CG][A-Z0-9]{2,30}")) {
			errors.put(DigestSetupModal.WEEKDAY,
					"This form lost its channel. Close it and type " + "`/legends digest setup` in the channel again.");
			return ctx.ack((r) -> r.responseAction("errors").errors(errors));
		}
		Map<String, Map<String, ViewState.Value>> values = payload.getView().getState().getValues();
		Long teamId = team(value(values, DigestSetupModal.TEAM), member, errors);
		DayOfWeek weekday = weekday(value(values, DigestSetupModal.WEEKDAY), errors);
		LocalTime time = time(value(values, DigestSetupModal.TIME), errors);
		ZoneId zone = zone(value(values, DigestSetupModal.TIMEZONE), errors);
		Set<DigestSection> sections = sections(value(values, DigestSetupModal.SECTIONS), errors);
		if (!errors.isEmpty()) {
			return ctx.ack((r) -> r.responseAction("errors").errors(errors));
		}
		DigestSchedule saved = this.schedules.save(member.getWorkspaceId(), channelId,
				new ScheduleSettings(teamId, weekday, time, zone, sections, member.getId()));
		confirm(saved, payload.getUser().getId());
		return ctx.ack();
	}

	private void confirm(DigestSchedule schedule, String userId) {
		String next = this.schedules.nextRun(schedule)
			.map((instant) -> " The next one: " + NEXT.format(instant.atZone(schedule.getZoneId())) + ".")
			.orElse("");
		String text = "Weekly digest set for <#" + schedule.getChannelId() + ">: " + DigestText.when(schedule) + "."
				+ next + " `/legends digest now` posts this week so far; `/legends digest off` stops it.";
		try {
			this.methods.chatPostEphemeral((r) -> r.channel(schedule.getChannelId()).user(userId).text(text));
		}
		catch (Exception ex) {
			logger.info("Could not confirm the digest setup in {}: {}", schedule.getChannelId(), ex.getMessage());
		}
	}

	private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String blockId) {
		Map<String, ViewState.Value> block = (values != null) ? values.get(blockId) : null;
		return (block != null) ? block.get(DigestSetupModal.ACTION) : null;
	}

	private Long team(ViewState.Value value, Member member, Map<String, String> errors) {
		String chosen = (value != null && value.getSelectedOption() != null) ? value.getSelectedOption().getValue()
				: DigestSetupModal.CHANNEL_MEMBERS;
		Long teamId = null;
		if (!DigestSetupModal.CHANNEL_MEMBERS.equals(chosen)) {
			try {
				teamId = Long.valueOf(chosen);
			}
			catch (NumberFormatException ex) {
				teamId = -1L;
			}
		}
		if (!this.schedules.mayManage(member, teamId)) {
			errors.put(DigestSetupModal.TEAM, "You can set up digests only for teams you manage.");
		}
		return teamId;
	}

	private static DayOfWeek weekday(ViewState.Value value, Map<String, String> errors) {
		try {
			return DayOfWeek.valueOf(value.getSelectedOption().getValue());
		}
		catch (RuntimeException ex) {
			errors.put(DigestSetupModal.WEEKDAY, "Pick the day the digest posts.");
			return null;
		}
	}

	private static LocalTime time(ViewState.Value value, Map<String, String> errors) {
		try {
			return LocalTime.parse(value.getSelectedTime());
		}
		catch (RuntimeException ex) {
			errors.put(DigestSetupModal.TIME, "Pick a time, e.g. 09:00.");
			return null;
		}
	}

	private static ZoneId zone(ViewState.Value value, Map<String, String> errors) {
		String text = (value != null && value.getValue() != null) ? value.getValue().trim() : "";
		try {
			if (text.isEmpty()) {
				throw new DateTimeException("empty");
			}
			return ZoneId.of(text);
		}
		catch (DateTimeException ex) {
			errors.put(DigestSetupModal.TIMEZONE,
					"Not a timezone Legends knows. Use an IANA name such as Europe/Paris, America/New_York or UTC.");
			return null;
		}
	}

	private static Set<DigestSection> sections(ViewState.Value value, Map<String, String> errors) {
		Set<DigestSection> sections = EnumSet.noneOf(DigestSection.class);
		if (value != null && value.getSelectedOptions() != null) {
			for (var option : value.getSelectedOptions()) {
				try {
					sections.add(DigestSection.valueOf(option.getValue()));
				}
				catch (IllegalArgumentException ex) {
					// an option this version does not know: ignore it
				}
			}
		}
		if (sections.isEmpty()) {
			errors.put(DigestSetupModal.SECTIONS, "Choose at least one thing to include.");
		}
		return sections;
	}

}
