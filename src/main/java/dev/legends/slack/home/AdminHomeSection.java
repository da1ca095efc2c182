package dev.legends.slack.home;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import dev.legends.slack.blocks.SlackText;
import dev.legends.ingest.IngestKeyInfo;
import dev.legends.ingest.IngestKeys;
import dev.legends.teams.Team;
import dev.legends.usage.SourceActivity;
import dev.legends.teams.Teams;
import dev.legends.usage.UnmatchedIdentity;
import dev.legends.usage.QuarantinedRollup;
import dev.legends.usage.RollupQuarantine;
import dev.legends.usage.UsageLedger;
import dev.legends.usage.UsageTotals;
import dev.legends.workspace.TimeWindow;

import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * App Home's admin part: the workspace's teams and the health of usage ingestion.
 */
@Component
class AdminHomeSection implements HomeSection {

	private static final int MAX_UNMATCHED = 5;

	private static final int MAX_KEYS = 10;

	private final Teams teams;

	private final UsageLedger usage;

	private final IngestKeys keys;

	private final RollupQuarantine quarantine;

	AdminHomeSection(Teams teams, UsageLedger usage, IngestKeys keys, RollupQuarantine quarantine) {
		this.teams = teams;
		this.usage = usage;
		this.keys = keys;
		this.quarantine = quarantine;
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public List<LayoutBlock> render(HomeContext context) {
		if (!context.admin()) {
			return List.of();
		}
		Long workspaceId = context.member().getWorkspaceId();
		List<Team> all = this.teams.all(workspaceId);
		TimeWindow lastWeek = new TimeWindow(context.now().minus(Duration.ofDays(7)), context.now());
		List<LayoutBlock> ingest = new ArrayList<>(ingestBlocks(this.usage.workspaceTotals(workspaceId, lastWeek),
				this.usage.unmatchedIdentities(workspaceId)));
		ingest.add(sourceBlock(this.usage.sources(workspaceId), context.now()));
		ingest.add(keyBlock(this.keys.list(workspaceId), context.now()));
		List<QuarantinedRollup> quarantined = this.quarantine.quarantined(workspaceId);
		if (!quarantined.isEmpty()) {
			ingest.add(quarantineBlock(quarantined));
		}
		return blocks(all, ingest);
	}

	/**
	 * The ingest health blocks: usage of the last seven days and the identities no person
	 * is matched to.
	 * @param lastWeek the workspace's usage totals of the last seven days
	 * @param unmatched the unmatched identities, most records first
	 * @return the blocks
	 */
	static List<LayoutBlock> ingestBlocks(UsageTotals lastWeek, List<UnmatchedIdentity> unmatched) {
		List<LayoutBlock> blocks = new ArrayList<>();
		String usageText = lastWeek.isEmpty()
				? "*Usage ingest*: nothing received in the last 7 days. Create a key with "
						+ "`/legends key create NAME` and send usage to `/api/v1/usage`."
				: "*Usage ingest*, last 7 days: " + String.format(Locale.ROOT, "%,d", lastWeek.totalTokens())
						+ " tokens in " + String.format(Locale.ROOT, "%,d", lastWeek.requests())
						+ " requests, estimated $" + lastWeek.costUsdEstimated().setScale(2, RoundingMode.HALF_UP)
						+ (lastWeek.priceUnknown() ? " (some models have no price: " + String.join(", ",
								lastWeek.unpricedModels().stream().map((model) -> SlackText.echo(model, 128)).toList())
								+ ")" : "");
		blocks.add(section((s) -> s.text(markdownText(usageText))));
		if (unmatched.isEmpty()) {
			blocks
				.add(context((c) -> c.elements(List.of(markdownText("Every usage identity is matched to a person.")))));
		}
		else {
			String list = String.join("\n", unmatched.stream()
				.limit(MAX_UNMATCHED)
				.map((identity) -> "• " + identity.identity().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
						+ " `" + SlackText.echo(identity.identity().value(), 80) + "`: " + identity.records()
						+ " records")
				.toList());
			String more = (unmatched.size() > MAX_UNMATCHED) ? "\n…and " + (unmatched.size() - MAX_UNMATCHED) + " more"
					: "";
			blocks.add(section((s) -> s.text(markdownText("*Unmatched identities* (" + unmatched.size()
					+ "): their usage is kept but counted for no one.\n" + list + more))));
		}
		return blocks;
	}

	/**
	 * Each usage source with how recent its newest usage is.
	 * @param sources the sources, newest first
	 * @param now the current time
	 * @return one block
	 */
	static LayoutBlock sourceBlock(List<SourceActivity> sources, Instant now) {
		if (sources.isEmpty()) {
			return context((c) -> c.elements(List.of(markdownText("*Sources*: no usage received yet."))));
		}
		String list = String.join("\n",
				sources.stream()
					.limit(MAX_KEYS)
					.map((source) -> "• `" + SlackText.echo(source.source(), 60) + "`: newest usage "
							+ ago(source.newestUsage(), now) + " ("
							+ String.format(Locale.ROOT, "%,d", source.records()) + " records)")
					.toList());
		return section((s) -> s.text(markdownText("*Sources* (" + sources.size() + ")\n" + list)));
	}

	/**
	 * The ingest keys and when each last delivered usage.
	 * @param keys the workspace's active keys
	 * @param now the current time
	 * @return one block
	 */
	static LayoutBlock keyBlock(List<IngestKeyInfo> keys, Instant now) {
		if (keys.isEmpty()) {
			return context((c) -> c.elements(List.of(markdownText("*Ingest keys*: none. `/legends key create NAME` "
					+ "makes one for the usage API, exports and OpenTelemetry."))));
		}
		String list = String.join("\n",
				keys.stream()
					.limit(MAX_KEYS)
					.map((key) -> "• `" + SlackText.echo(key.name(), 60) + "`: " + lastUsed(key.lastUsedAt(), now))
					.toList());
		String more = (keys.size() > MAX_KEYS) ? "\n…and " + (keys.size() - MAX_KEYS) + " more" : "";
		return section((s) -> s.text(markdownText("*Ingest keys* (" + keys.size() + ")\n" + list + more)));
	}

	/**
	 * Pending usage rows that could not be added to the totals and were set aside.
	 * @param quarantined the rows, newest first
	 * @return one block
	 */
	static LayoutBlock quarantineBlock(List<QuarantinedRollup> quarantined) {
		String list = String.join("\n", quarantined.stream()
			.limit(MAX_UNMATCHED)
			.map((row) -> "• row " + row.id() + ", "
					+ DateTimeFormatter.ISO_LOCAL_DATE.format(row.quarantinedAt().atOffset(java.time.ZoneOffset.UTC))
					+ ": " + SlackText.echo(row.reason(), 200))
			.toList());
		String more = (quarantined.size() > MAX_UNMATCHED) ? "\n…and " + (quarantined.size() - MAX_UNMATCHED) + " more"
				: "";
		return section((s) -> s.text(markdownText(":warning: *Quarantined usage* (" + quarantined.size()
				+ "): these ingested batches could not be added to the totals and are left out of every board; "
				+ "every other batch is counted. They are kept in `usage_rollup_quarantine` "
				+ "(see docs/input-bounds.md).\n" + list + more)));
	}

	private static String lastUsed(Instant lastUsedAt, Instant now) {
		return (lastUsedAt != null) ? "last used " + ago(lastUsedAt, now) : "never used";
	}

	private static String ago(Instant then, Instant now) {
		Duration ago = Duration.between(then, now);
		if (ago.toHours() >= 48) {
			return ago.toDays() + " days ago";
		}
		return (ago.toMinutes() >= 120) ? ago.toHours() + " hours ago" : Math.max(0, ago.toMinutes()) + " minutes ago";
	}

	/**
	 * The admin blocks.
	 * @param teams every team of the workspace
	 * @param ingestHealth blocks on usage ingestion
	 * @return the blocks
	 */
	static List<LayoutBlock> blocks(List<Team> teams, List<LayoutBlock> ingestHealth) {
		List<LayoutBlock> blocks = new ArrayList<>();
		blocks.add(divider());
		blocks.add(header((h) -> h.text(plainText("Admin"))));
		String teamText = teams.isEmpty() ? "*Teams*: none yet. `/legends team setup` creates one."
				: "*Teams* (" + teams.size() + "): "
						+ String.join(", ",
								teams.stream()
									.limit(20)
									.map((team) -> SlackText.echo(team.name(), 40) + " (" + team.size() + ")")
									.toList())
						+ ((teams.size() > 20) ? ", …" : "");
		blocks.add(section((s) -> s.text(markdownText(teamText))));
		blocks.addAll(ingestHealth);
		return blocks;
	}

}
