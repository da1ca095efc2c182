package dev.legends;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Slack stays at the edge: domain modules never see Slack types; periodic work runs on
 * Quartz (once per cluster), never on Spring's per-instance scheduler.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.legends");

	@Test
	void slackTypesWhenUsedAreOnlyUsedBySlackAndDemo() {
		noClasses().that()
			.resideOutsideOfPackages("dev.legends.slack..", "dev.legends.demo..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.slack..")
			.check(this.classes);
	}

	@Test
	void periodicWorkWhenDeclaredIsNeverSpringScheduled() {
		noMethods().should().beAnnotatedWith(Scheduled.class).check(this.classes);
		noClasses().should().beAnnotatedWith(EnableScheduling.class).check(this.classes);
	}

}
