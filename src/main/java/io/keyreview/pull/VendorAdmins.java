package io.keyreview.pull;

import java.time.LocalDate;
import java.util.Optional;

import io.keyreview.intake.LandingArea;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The admin APIs keyreview may carry out decisions through: each configured source of
 * type OpenAI, Anthropic, LiteLLM or OpenRouter that has a base URL.
 */
@Component
public class VendorAdmins {

	private final PullSettings settings;

	private final Environment environment;

	private final LandingArea landingArea;

	VendorAdmins(PullSettings settings, Environment environment, LandingArea landingArea) {
		this.settings = settings;
		this.environment = environment;
		this.landingArea = landingArea;
	}

	/** The admin API of the source the register names, on the night given. */
	public Optional<VendorAdmin> of(String sourceName, LocalDate runDate) {
		return this.settings.sources()
			.stream()
			.filter((source) -> source.name().equals(sourceName) && source.baseUrl() != null
					&& VendorAdmin.TYPES.contains(source.type()))
			.findFirst()
			.map((source) -> new VendorAdmin(source, this.environment::getProperty,
					new PulledPages(this.landingArea.pulledFolder(runDate, source.name()))));
	}

}
