package dev.legends.demo;

import java.util.List;

import dev.legends.demo.DemoConsole.ConsoleReply;
import dev.legends.demo.DemoPeople.Person;
import dev.legends.slack.OfflineSlackApi;
import dev.legends.slack.OfflineSlackApi.RecordedCall;
import dev.legends.slack.SlackMode;
import dev.legends.slack.SlackRuntime;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
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

	@PostMapping("/demo/command")
	ConsoleReply command(@RequestBody ConsoleCommand command) {
		requireDemo();
		return this.console.command(person(command.user()), (command.text() != null) ? command.text() : "");
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
	 */
	record ConsoleCommand(String user, String text) {

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
