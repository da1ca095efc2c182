package dev.legends.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens the Socket Mode connection when {@code SLACK_APP_TOKEN} is set, so that Legends
 * works without a public URL; connecting happens in the background so a slow or failing
 * connection never holds up start-up.
 */
@Component
class SocketModeRunner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(SocketModeRunner.class);

	private final SlackProperties properties;

	private final App app;

	private volatile SocketModeApp socketModeApp;

	private volatile boolean running;

	SocketModeRunner(SlackProperties properties, App app) {
		this.properties = properties;
		this.app = app;
	}

	@Override
	public void start() {
		if (this.properties.mode() != SlackMode.SOCKET) {
			return;
		}
		this.running = true;
		Thread connector = new Thread(this::connect, "legends-socket-mode");
		connector.setDaemon(true);
		connector.start();
	}

	private void connect() {
		try {
			SocketModeApp socketMode = new SocketModeApp(this.properties.appToken(), this.app);
			this.socketModeApp = socketMode;
			socketMode.startAsync();
			logger.info("Socket Mode connection opened");
		}
		catch (Exception ex) {
			logger.error("Could not open the Socket Mode connection: {}. Check SLACK_APP_TOKEN "
					+ "(an xapp- token with connections:write).", ex.getMessage());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		SocketModeApp socketMode = this.socketModeApp;
		if (socketMode != null) {
			try {
				SocketModeClient client = socketMode.getClient();
				if (client != null) {
					client.setAutoReconnectEnabled(false);
					client.close();
				}
				socketMode.close();
			}
			catch (Exception ex) {
				logger.debug("Socket Mode connection did not close cleanly", ex);
			}
			this.socketModeApp = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
