package dev.legends.demo;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.legends.demo.DemoConsole.ConsoleReply;
import dev.legends.demo.DemoPeople.Person;
import dev.legends.slack.OfflineSlackApi;
import dev.legends.slack.OfflineSlackApi.RecordedCall;
import dev.legends.slack.OfflineSlackApi.UploadedFile;
import dev.legends.slack.SlackMode;
import dev.legends.slack.SlackRuntime;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The demo console's endpoints: only in demo mode, they let a person drive Legends as
 * Slack would and see what it would have sent.
 */
@RestController
class DemoController {

	private final SlackRuntime runtime;

	private final OfflineSlackApi offline;

	private final DemoConsole console;

	DemoController(SlackRuntime runtime, OfflineSlackApi offline, DemoConsole console) {
		this.runtime = runtime;
		this.offline = offline;
		this.console = console;
	}

	@GetMapping("/demo")
	RedirectView page() {
		requireDemo();
		RedirectView redirect = new RedirectView("/demo/index.html");
		redirect.setPropagateQueryParams(true);
		return redirect;
	}

	@GetMapping("/demo/people")
	List<Person> people() {
		requireDemo();
		return DemoPeople.ALL;
	}

	@GetMapping("/demo/workspace")
	Map<String, Object> workspace() {
		requireDemo();
		return Map.of("people", DemoPeople.ALL, "channels", DemoPeople.CHANNELS, "recorded",
				this.offline.recordedCount());
	}

	@PostMapping("/demo/command")
	ConsoleReply command(@RequestBody ConsoleCommand command) {
		requireDemo();
		String channel = (command.channel() == null || command.channel().isBlank()) ? DemoConsole.CHANNEL
				: command.channel();
		if (!channel.equals(OfflineSlackApi.dmChannelOf(person(command.user())))
				&& DemoPeople.channel(channel).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"channel must be a demo channel or the person's DM with Legends");
		}
		return this.console.command(person(command.user()), channel, (command.text() != null) ? command.text() : "");
	}

	@PostMapping("/demo/interact")
	ConsoleReply interact(@RequestBody String body) {
		requireDemo();
		JsonObject request;
		try {
			request = JsonParser.parseString(body).getAsJsonObject();
		}
		catch (RuntimeException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "body must be {\"user\": …, \"payload\": {…}}");
		}
		String user = request.has("user") && request.get("user").isJsonPrimitive() ? request.get("user").getAsString()
				: null;
		if (!request.has("payload") || !request.get("payload").isJsonObject()
				|| !request.getAsJsonObject("payload").has("type")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "payload with a type is required");
		}
		return this.console.interact(person(user), request.getAsJsonObject("payload"));
	}

	@PostMapping("/demo/home")
	ConsoleReply home(@RequestBody ConsoleCommand open) {
		requireDemo();
		return this.console.homeOpened(person(open.user()));
	}

	@GetMapping("/demo/files/{fileId}")
	ResponseEntity<byte[]> file(@PathVariable String fileId) {
		requireDemo();
		UploadedFile file = this.offline.file(fileId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such file"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mimetype()))
			.header("Content-Disposition",
					"inline; filename=\"" + file.name().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
			.body(file.content());
	}

	@PostMapping("/demo/click")
	ConsoleReply click(@RequestBody ConsoleClick click) {
		requireDemo();
		if (click.actionId() == null || click.actionId().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action_id is required");
		}
		return this.console.click(person(click.user()), click.actionId(), click.value());
	}

	@GetMapping("/demo/outbox")
	List<RecordedCall> outbox(@RequestParam(name = "since", required = false) Long since) {
		requireDemo();
		return (since != null) ? this.console.callsSince(since) : this.offline.calls();
	}

	private static String person(String userId) {
		if (userId == null || !DemoPeople.contains(userId)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "user must be one of the demo people");
		}
		return userId;
	}

	private void requireDemo() {
		if (this.runtime.mode() != SlackMode.DEMO) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/**
	 * A command typed in the console.
	 *
	 * @param user the demo person's user id
	 * @param text the text after {@code /legends}
	 * @param channel the channel it is typed in (default {@code #general})
	 */
	record ConsoleCommand(String user, String text, String channel) {

	}

	/**
	 * A button clicked in the console.
	 *
	 * @param user the demo person's user id
	 * @param actionId the button's action id
	 * @param value the button's value
	 */
	record ConsoleClick(String user, String actionId, String value) {

	}

}
