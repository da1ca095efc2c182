package dev.legends;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import dev.legends.testkit.RunningApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management endpoints listen on a port of their own, on loopback unless
 * {@code MANAGEMENT_SERVER_ADDRESS} says otherwise; the main port keeps health only.
 */
class ManagementPortTests {

	@Test
	void startWhenManagementVariablesBlankServesPrometheusOnTheNextPortOnLoopbackOnly() throws Exception {
		int mainPort = freePortWithFreeNext();
		try (RunningApp app = RunningApp.start(Map.of("SERVER_PORT", String.valueOf(mainPort), "MANAGEMENT_SERVER_PORT",
				"", "MANAGEMENT_SERVER_ADDRESS", ""))) {
			assertThat(app.managementPort()).isEqualTo(mainPort + 1);
			assertThat(get(mainPort, "/actuator/prometheus").statusCode()).isEqualTo(404);
			assertThat(get(mainPort, "/actuator/health").statusCode()).isEqualTo(200);
			HttpResponse<String> metrics = get(mainPort + 1, "/actuator/prometheus");
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("jvm_memory_used_bytes");
			Optional<InetAddress> outside = nonLoopbackAddress();
			if (outside.isPresent()) {
				assertThat(connects(outside.get(), mainPort)).isTrue();
				assertThat(connects(outside.get(), mainPort + 1)).isFalse();
			}
		}
	}

	@Test
	void startWhenManagementPortAndAddressSetServesPrometheusThere() throws Exception {
		int managementPort = freePortWithFreeNext();
		try (RunningApp app = RunningApp.start(Map.of("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort),
				"MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"))) {
			assertThat(app.managementPort()).isEqualTo(managementPort);
			assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
			assertThat(get(app.port(), "/actuator/prometheus").statusCode()).isEqualTo(404);
		}
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private static int freePortWithFreeNext() throws IOException {
		for (int attempt = 0; attempt < 20; attempt++) {
			try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				int port = first.getLocalPort();
				if (port < 65535 && free(port + 1)) {
					return port;
				}
			}
		}
		throw new IllegalStateException("No two free neighbouring ports");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
		return NetworkInterface.networkInterfaces()
			.filter(ManagementPortTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

	private static boolean isUp(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean connects(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
