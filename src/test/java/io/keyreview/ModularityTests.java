package io.keyreview;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module: the modules depend on each other without a cycle,
 * and none reaches into another's internals.
 */
class ModularityTests {

	@Test
	void featurePackagesFormAnAcyclicGraph() {
		ApplicationModules.of(KeyreviewApplication.class).verify();
	}

}
