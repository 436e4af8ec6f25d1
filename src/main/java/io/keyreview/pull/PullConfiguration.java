package io.keyreview.pull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.keyreview.intake.InputSource;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.intake.LandingArea;
import io.keyreview.run.RunDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Pulls every configured source into the landing folder before the file drop lands, then
 * maps the pulled pages to canonical CSV that lands with the file drop. A source that
 * keeps failing fails the pull with its reason; what the other sources landed stays, and
 * the rerun fetches only what is missing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PullSettings.class)
class PullConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PullConfiguration.class);

	@Bean
	Step pullSources(JobRepository jobRepository, PlatformTransactionManager transactionManager, PullSettings settings,
			LandingArea landingArea, KeyreviewProperties properties, Environment environment) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			List<String> failures = new ArrayList<>();
			for (SourceSettings source : settings.pulled()) {
				try {
					SourcePull pull = new SourcePull(source, landingArea.pulledFolder(runDate, source.name()),
							(source.baseUrl() != null) ? Credential.of(source, environment::getProperty) : null);
					int pages = (source.baseUrl() != null) ? pull.pull(runDate)
							: pull.landSaved((source.files() != null) ? source.files()
									: properties.inputs().resolve("sources").resolve(source.name()) + "/*.json");
					contribution.incrementWriteCount(pages);
					logger.info("pullSources: {} ({}): {} page(s) landed now in {}", source.name(),
							source.type().name().toLowerCase(java.util.Locale.ROOT), pages,
							landingArea.pulledFolder(runDate, source.name()));
				}
				catch (PullException ex) {
					logger.error("pullSources: {}", ex.getMessage());
					failures.add(ex.getMessage());
				}
			}
			if (!failures.isEmpty()) {
				throw new PullException(String.join("; ", failures));
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step mapPulledSources(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PullSettings settings, LandingArea landingArea, ProviderCosts providerCosts) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			for (SourceSettings source : settings.pulled()) {
				Canonical canonical = VendorMapper.of(source.type())
					.map(source.name(), new PulledPages(landingArea.pulledFolder(runDate, source.name())), runDate);
				canonical.write((kind) -> landingArea.mappedFolder(runDate, kind), source.name());
				providerCosts.replace(source.name(), canonical.costs());
				int rows = canonical.rows(InputSource.KEYS).size() + canonical.rows(InputSource.USAGE).size()
						+ canonical.rows(InputSource.PEOPLE).size();
				contribution.incrementWriteCount(rows);
				logger.info("mapPulledSources: {}: {} key(s), {} usage row(s), {} people, {} provider cost(s)",
						source.name(), canonical.rows(InputSource.KEYS).size(),
						canonical.rows(InputSource.USAGE).size(), canonical.rows(InputSource.PEOPLE).size(),
						canonical.costs().size());
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
