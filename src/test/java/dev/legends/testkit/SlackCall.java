package dev.legends.testkit;

import java.time.Instant;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * One call the app made to the fake Slack Web API.
 *
 * @param method the Web API method ({@code chat.postMessage}), {@code response_url} or
 * {@code file_upload}
 * @param params the form (or top-level JSON) parameters
 * @param body the raw body
 * @param token the bearer token used
 * @param at when it arrived
 */
public record SlackCall(String method, Map<String, String> params, String body, String token, Instant at) {

	/**
	 * One parameter.
	 * @param name the parameter name
	 * @return its value, or {@code null}
	 */
	public String param(String name) {
		return this.params.get(name);
	}

	/**
	 * A parameter that carries JSON ({@code blocks}, {@code view}, {@code metadata}),
	 * parsed.
	 * @param name the parameter name
	 * @return the parsed JSON, or {@code null} when absent
	 */
	public JsonElement json(String name) {
		String value = this.params.get(name);
		return (value != null) ? JsonParser.parseString(value) : null;
	}

	/**
	 * Everything a person would read in this call (text, blocks, view), for loose
	 * assertions.
	 * @return the body, URL-decoded
	 */
	public String visibleText() {
		return String.join("\n", this.params.values());
	}

}
