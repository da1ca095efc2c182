package dev.legends.digest;

import java.util.List;
import java.util.Optional;

import dev.legends.workspace.TimeWindow;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Figures until scoring and teams provide them: no outcomes, no usage, no goals, so that
 * a digest says plainly that nothing was recorded instead of inventing numbers.
 */
@Configuration(proxyBeanMethods = false)
class ProvisionalDigestFigures {

	@Bean
	@ConditionalOnMissingBean(DigestFigures.class)
	DigestFigures emptyDigestFigures() {
		return new DigestFigures() {

			@Override
			public Digest.Totals totals(DigestScope scope, TimeWindow window) {
				return Digest.Totals.NONE;
			}

			@Override
			public List<PersonFigures> people(DigestScope scope, TimeWindow window) {
				return List.of();
			}

			@Override
			public List<Digest.GoalLine> goals(DigestScope scope, TimeWindow window) {
				return List.of();
			}

			@Override
			public Optional<String> scopeName(DigestScope scope) {
				return Optional.empty();
			}

		};
	}

}
