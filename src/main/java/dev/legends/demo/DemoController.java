package dev.legends.demo;

import java.util.List;

import dev.legends.slack.OfflineSlackApi;
import dev.legends.slack.OfflineSlackApi.RecordedCall;
import dev.legends.slack.SlackMode;
import dev.legends.slack.SlackRuntime;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * In demo mode, shows what Legends would have sent to Slack: every recorded Web API call.
 */
@RestController
class DemoController {

	private final SlackRuntime runtime;

	private final OfflineSlackApi offline;

	DemoController(SlackRuntime runtime, OfflineSlackApi offline) {
		this.runtime = runtime;
		this.offline = offline;
	}

	@GetMapping("/demo/outbox")
	List<RecordedCall> outbox() {
		if (this.runtime.mode() != SlackMode.DEMO) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.offline.calls();
	}

}
