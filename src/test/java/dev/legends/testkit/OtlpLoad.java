package dev.legends.testkit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.legends.ingest.otlp.OtlpRequests;

/**
 * The load of a fleet of Claude Code installations, for the benchmarks: N concurrent
 * keep-alive HTTP clients sending small OTLP metric exports shaped like Claude Code's
 * (resource {@code service.name=claude-code}; {@code claude_code.token.usage}, a delta
 * sum with four points of type input/output/cacheRead/cacheCreation and attributes
 * {@code model}, {@code user.email}, {@code session.id}; one
 * {@code claude_code.cost.usage} point), each from another of 70,000 people at a time of
 * its own, or 100-record batches for {@code /api/v1/usage}. Clients are spread over the
 * given targets round-robin (client {@code i} sends to target {@code i % n}), and may be
 * paced to a total rate.
 */
public final class OtlpLoad {

	/** People the exports come from. */
	public static final int PEOPLE = 70_000;

	/** Records per batch in batch mode. */
	public static final int BATCH = 100;

	/** The week every export falls in. */
	public static final Instant WEEK = Instant.parse("2026-11-23T00:00:00Z");

	/** The usage summary of that week. */
	public static final String SUMMARY = "/api/v1/usage/summary?start=2026-11-23T00:00:00Z&end=2026-11-30T00:00:00Z";

	private static final long FIRST_NANOS = WEEK.plusSeconds(9 * 3600).getEpochSecond() * 1_000_000_000L;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/** Every export or record index, across sides and rounds: unique times and ids. */
	private final AtomicLong next = new AtomicLong();

	/** Input tokens in everything counted targets answered 200 for. */
	private final AtomicLong answeredInput = new AtomicLong();

	public long answeredInput() {
		return this.answeredInput.get();
	}

	/**
	 * Send from {@code clients} clients until {@code end} ({@link System#nanoTime()}).
	 * @param targets where to send (round-robin by client)
	 * @param format {@code json}, {@code protobuf} or {@code batch}
	 * @param clients how many concurrent clients
	 * @param end when to stop
	 * @param ratePerSecond total exports (or batches) per second to pace to, or 0 for as
	 * fast as they are answered
	 * @param stop set to stop early, or {@code null}
	 * @return the round's latencies, outcomes and CPU time
	 * @throws Exception if a client fails
	 */
	public Round run(List<Target> targets, String format, int clients, long end, double ratePerSecond,
			AtomicBoolean stop) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		try {
			long cpuBefore = Cpu.process();
			Map<Long, Long> loadBefore = Cpu.loadThreads();
			List<Future<Round>> futures = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				Target target = targets.get(client % targets.size());
				double perClient = ratePerSecond / clients;
				futures.add(threads.submit(() -> client(target, format, end, perClient, stop)));
			}
			List<Round> rounds = new ArrayList<>();
			for (Future<Round> future : futures) {
				rounds.add(future.get());
			}
			Round round = Round.merge(rounds);
			round.processCpuNanos = Cpu.process() - cpuBefore;
			for (Map.Entry<Long, Long> thread : Cpu.loadThreads().entrySet()) {
				round.clientCpuNanos += thread.getValue() - loadBefore.getOrDefault(thread.getKey(), 0L);
			}
			return round;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private Round client(Target target, String format, long end, double ratePerSecond, AtomicBoolean stop)
			throws IOException, InterruptedException {
		long cpuBefore = THREADS.getCurrentThreadCpuTime();
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		Round round = new Round();
		long started = System.nanoTime();
		long interval = (ratePerSecond > 0) ? (long) (1e9 / ratePerSecond) : 0;
		long due = started;
		boolean batch = format.equals("batch");
		while (System.nanoTime() < end && (stop == null || !stop.get())) {
			if (interval > 0) {
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				due += interval;
			}
			long index = this.next.getAndAdd(batch ? BATCH : 1);
			byte[] body = switch (format) {
				case "json" -> json(index);
				case "protobuf" -> protobuf(index);
				default -> batch(index);
			};
			HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + target.key())
				.header("Content-Type", format.equals("protobuf") ? "application/x-protobuf" : "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build();
			long sent = System.nanoTime();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			round.add(System.nanoTime() - sent, response.statusCode() / 100 == 2, batch ? BATCH : 1);
			if (target.counted() && response.statusCode() == 200) {
				this.answeredInput.addAndGet(batch ? batchInput(index) : input(index));
			}
		}
		round.elapsed(System.nanoTime() - started);
		round.clientCpuNanos = THREADS.getCurrentThreadCpuTime() - cpuBefore;
		return round;
	}

	/**
	 * Input tokens of one export.
	 * @param index the export's index
	 * @return its input tokens
	 */
	public static long input(long index) {
		return 100 + index % 1000;
	}

	private static long batchInput(long first) {
		long sum = 0;
		for (long i = first; i < first + BATCH; i++) {
			sum += input(i);
		}
		return sum;
	}

	private static String email(long index) {
		return "dev" + (index % PEOPLE) + "@fleet.example.com";
	}

	/**
	 * An OTLP/HTTP protobuf export.
	 * @param index the export's index (its person, time and input tokens)
	 * @return the body
	 */
	public static byte[] protobuf(long index) {
		long time = FIRST_NANOS + index * 1_000_000L;
		long start = time - 60_000_000_000L;
		return OtlpRequests.delta(email(index))
			.tokens("input", start, time, input(index))
			.tokens("output", start, time, 50)
			.tokens("cacheRead", start, time, 1000)
			.tokens("cacheCreation", start, time, 10)
			.cost(start, time, 0.01)
			.build()
			.toByteArray();
	}

	/**
	 * An OTLP/HTTP JSON export.
	 * @param index the export's index (its person, time and input tokens)
	 * @return the body
	 */
	public static byte[] json(long index) {
		long time = FIRST_NANOS + index * 1_000_000L;
		long start = time - 60_000_000_000L;
		String attributes = "{\"key\":\"model\",\"value\":{\"stringValue\":\"claude-sonnet-4-5-20250929\"}},"
				+ "{\"key\":\"user.email\",\"value\":{\"stringValue\":\"" + email(index) + "\"}},"
				+ "{\"key\":\"session.id\",\"value\":{\"stringValue\":\"session-" + (index % PEOPLE) + "\"}}";
		StringBuilder tokens = new StringBuilder();
		String[] types = { "input", "output", "cacheRead", "cacheCreation" };
		long[] values = { input(index), 50, 1000, 10 };
		for (int i = 0; i < types.length; i++) {
			tokens.append((i > 0) ? "," : "")
				.append("{\"attributes\":[{\"key\":\"type\",\"value\":{\"stringValue\":\"")
				.append(types[i])
				.append("\"}},")
				.append(attributes)
				.append("],\"startTimeUnixNano\":\"")
				.append(start)
				.append("\",\"timeUnixNano\":\"")
				.append(time)
				.append("\",\"asDouble\":")
				.append(values[i])
				.append('}');
		}
		String export = "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
				+ "\"value\":{\"stringValue\":\"claude-code\"}}]},\"scopeMetrics\":[{\"scope\":{\"name\":"
				+ "\"com.anthropic.claude_code\"},\"metrics\":[{\"name\":\"claude_code.token.usage\",\"unit\":\"tokens\","
				+ "\"sum\":{\"aggregationTemporality\":1,\"isMonotonic\":true,\"dataPoints\":[" + tokens + "]}},"
				+ "{\"name\":\"claude_code.cost.usage\",\"unit\":\"USD\",\"sum\":{\"aggregationTemporality\":1,"
				+ "\"isMonotonic\":true,\"dataPoints\":[{\"attributes\":[" + attributes + "],\"startTimeUnixNano\":\""
				+ start + "\",\"timeUnixNano\":\"" + time + "\",\"asDouble\":0.01}]}}]}]}]}";
		return export.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A batch of {@link #BATCH} records for {@code /api/v1/usage}.
	 * @param first the first record's index
	 * @return the body
	 */
	public static byte[] batch(long first) {
		StringBuilder json = new StringBuilder(BATCH * 320).append("{\"records\":[");
		for (long i = first; i < first + BATCH; i++) {
			Instant start = WEEK.plusSeconds(9 * 3600).plusMillis(i);
			json.append((i > first) ? "," : "")
				.append("{\"id\":\"fleet-")
				.append(i)
				.append("\",\"user\":{\"email\":\"")
				.append(email(i))
				.append("\"},\"source\":\"claude-code\",\"model\":\"claude-sonnet-4-5\",\"start\":\"")
				.append(start)
				.append("\",\"end\":\"")
				.append(start.plusSeconds(60))
				.append("\",\"input_tokens\":")
				.append(input(i))
				.append(",\"output_tokens\":50,\"cache_read_input_tokens\":1000,\"requests\":1,\"cost_usd\":0.01}");
		}
		return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Where a client sends.
	 *
	 * @param url the full URL
	 * @param key the bearer key
	 * @param counted whether its 200 answers add to {@link #answeredInput()}
	 */
	public record Target(String url, String key, boolean counted) {

	}

	/** CPU time of this JVM. */
	public static final class Cpu {

		private Cpu() {
		}

		/**
		 * CPU time of the whole process so far.
		 * @return nanoseconds
		 */
		public static long process() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		/**
		 * CPU time so far of each live thread of the load generator's HTTP clients (the
		 * JDK's selector threads) and of the test kit's fake Slack Web API (which stands
		 * for Slack's servers, not part of the app).
		 * @return nanoseconds by thread id
		 */
		static Map<Long, Long> loadThreads() {
			Map<Long, Long> cpu = new HashMap<>();
			for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
				String name = (info != null) ? info.getThreadName() : "";
				if (name.startsWith("HttpClient-") || name.startsWith("fake-slack-")
						|| name.startsWith("HTTP-Dispatcher")) {
					cpu.put(info.getThreadId(), Math.max(0, THREADS.getThreadCpuTime(info.getThreadId())));
				}
			}
			return cpu;
		}

	}

	/** Latencies, outcomes and CPU time of one side's requests in a round. */
	public static final class Round {

		private long[] latencies = new long[1024];

		private int size;

		private long items;

		private long failures;

		private long elapsedNanos;

		private long processCpuNanos;

		private long clientCpuNanos;

		synchronized void add(long nanos, boolean ok, int count) {
			if (this.size == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.size * 2);
			}
			this.latencies[this.size++] = nanos;
			if (ok) {
				this.items += count;
			}
			else {
				this.failures++;
			}
		}

		void elapsed(long nanos) {
			this.elapsedNanos = nanos;
		}

		/**
		 * Rounds (or clients) as one.
		 * @param rounds the rounds
		 * @return their latencies, counts and CPU times together
		 */
		public static Round merge(List<Round> rounds) {
			Round merged = new Round();
			for (Round round : rounds) {
				for (int i = 0; i < round.size; i++) {
					merged.add(round.latencies[i], true, 0);
				}
				merged.items += round.items;
				merged.failures += round.failures;
				merged.elapsedNanos = Math.max(merged.elapsedNanos, round.elapsedNanos);
				merged.processCpuNanos += round.processCpuNanos;
				merged.clientCpuNanos += round.clientCpuNanos;
			}
			return merged;
		}

		/**
		 * Exports (or records) answered 2xx per second.
		 * @return the rate
		 */
		public double rate() {
			return this.items / (this.elapsedNanos / 1e9);
		}

		public long items() {
			return this.items;
		}

		public long requests() {
			return this.size;
		}

		public long failures() {
			return this.failures;
		}

		/**
		 * This JVM's CPU time per item answered, the load generator's and the fake Slack
		 * API's threads left out (in a run against other processes, the generator's own).
		 * @return milliseconds per export (or record)
		 */
		public double serverCpuMillisPerItem() {
			return (this.items == 0) ? 0 : (this.processCpuNanos - this.clientCpuNanos) / 1e6 / this.items;
		}

		/**
		 * The load generator's (and the fake Slack API's) CPU time per item answered.
		 * @return milliseconds per export (or record)
		 */
		public double clientCpuMillisPerItem() {
			return (this.items == 0) ? 0 : this.clientCpuNanos / 1e6 / this.items;
		}

		/**
		 * A latency percentile.
		 * @param percent e.g. 99
		 * @return milliseconds
		 */
		public double percentile(int percent) {
			if (this.size == 0) {
				return 0;
			}
			long[] sorted = Arrays.copyOf(this.latencies, this.size);
			Arrays.sort(sorted);
			return sorted[Math.min(this.size - 1, (int) Math.ceil(this.size * percent / 100.0) - 1)] / 1e6;
		}

	}

}
