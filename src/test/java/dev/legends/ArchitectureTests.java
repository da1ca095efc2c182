package dev.legends;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Slack stays at the edge: domain modules never see Slack types.
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

}
