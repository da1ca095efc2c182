package dev.legends.faults;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.legends.testkit.IngestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Usage batches sent one after another as an export job sends them, each batch in an hour
 * of its own with one input token per record, so that what is stored of each batch can be
 * told apart: all of it, none of it, or (never allowed) part of it.
 */
final class UsageStream {

	/** The bootstrap ingest key the fault tests start the app with. */
	static final String KEY = "faults-bootstrap-key";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant FIRST_HOUR = Instant.parse("2026-10-05T00:00:00Z");

	private final String name;

	private final int records;

	private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();

	private final AtomicInteger sent = new AtomicInteger();

	/**
	 * A stream of batches.
	 * @param name tells this stream's record ids and identity (an API key name) apart
	 * from another's
	 * @param records records per batch
	 */
	UsageStream(String name, int records) {
		this.name = name;
		this.records = records;
	}

	int records() {
		return this.records;
	}

	/**
	 * The JSON body of a batch.
	 * @param batch its number
	 * @return {@code {"records":[…]}}
	 */
	String batch(int batch) {
		String start = FIRST_HOUR.plus(batch, ChronoUnit.HOURS).toString();
		String end = FIRST_HOUR.plus(batch, ChronoUnit.HOURS).plusSeconds(3599).toString();
		StringBuilder json = new StringBuilder(this.records * 260).append("{\"records\":[");
		for (int i = 0; i < this.records; i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"id\":\"")
				.append(this.name)
				.append('-')
				.append(batch)
				.append('-')
				.append(i)
				.append("\",\"user\":{\"api_key_name\":\"")
				.append(this.name)
				.append("\"},\"source\":\"claude-code\",")
				.append("\"model\":\"claude-sonnet-4-5\",\"start\":\"")
				.append(start)
				.append("\",\"end\":\"")
				.append(end)
				.append("\",\"input_tokens\":1,\"output_tokens\":2,\"requests\":1}");
		}
		return json.append("]}").toString();
	}

	/**
	 * Send a batch and remember its answer's status (or -1 when the connection broke).
	 * @param client the client
	 * @param batch its number
	 * @return the status
	 */
	int send(IngestClient client, int batch) {
		this.sent.accumulateAndGet(batch + 1, Math::max);
		int status;
		try {
			status = client.postJson("/api/v1/usage", batch(batch)).statusCode();
		}
		catch (IllegalStateException ex) {
			status = -1;
		}
		this.answers.put(batch, status);
		return status;
	}

	/**
	 * The batches sent so far, answered or not.
	 * @return how many
	 */
	int sent() {
		return this.sent.get();
	}

	/**
	 * The batches answered 200.
	 * @return their numbers in order
	 */
	List<Integer> acknowledged() {
		List<Integer> acknowledged = new ArrayList<>();
		for (int batch = 0; batch < sent(); batch++) {
			if (this.answers.getOrDefault(batch, 0) == 200) {
				acknowledged.add(batch);
			}
		}
		return acknowledged;
	}

	boolean acknowledged(int batch) {
		return this.answers.getOrDefault(batch, 0) == 200;
	}

	/**
	 * Send a batch again and read how much of it was already stored.
	 * @param client the client
	 * @param batch its number
	 * @return the records the app found already stored ({@code duplicates})
	 */
	int resend(IngestClient client, int batch) {
		HttpResponse<String> response = client.postJson("/api/v1/usage", batch(batch));
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Resending batch " + batch + " answered " + response.statusCode() + ": " + response.body());
		}
		JsonNode answer = JSON.readTree(response.body());
		return answer.get("duplicates").asInt();
	}

	/**
	 * The input tokens the app reports for this stream (one per stored record).
	 * @param client the client
	 * @param batches the batches to cover
	 * @return the input tokens of this stream's identity in their hours
	 */
	long storedRecords(IngestClient client, int batches) {
		HttpResponse<String> response = client.get("/api/v1/usage/summary?start=" + FIRST_HOUR + "&end="
				+ FIRST_HOUR.plus(batches, ChronoUnit.HOURS).minusSeconds(1));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The summary answered " + response.statusCode() + ": " + response.body());
		}
		for (JsonNode user : JSON.readTree(response.body()).get("users")) {
			if (this.name.equals(user.get("user").path("api_key_name").asString(null))) {
				return user.get("input_tokens").asLong();
			}
		}
		return 0;
	}

}
