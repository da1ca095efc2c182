package dev.legends;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Legends: a Slack leaderboard that ranks confirmed outcomes and shows AI token usage as
 * context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LegendsApplication {

	public static void main(String[] args) {
		SpringApplication.run(LegendsApplication.class, args);
	}

}
