package dev.legends;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds (no cycles, only allowed dependencies, internals stay
 * internal) and its documentation is written to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(LegendsApplication.class);

	@Test
	void verifyWhenBuiltHasNoViolations() {
		this.modules.verify();
	}

	@Test
	void documentationWhenWrittenCoversEveryModule() {
		new Documenter(this.modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}

}
