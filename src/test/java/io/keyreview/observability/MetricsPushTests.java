package io.keyreview.observability;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.keyreview.KeyreviewApplication;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run pushes Spring Batch's job and step metrics to a Prometheus Pushgateway when it
 * ends, since a CronJob pod cannot be scraped.
 */
class MetricsPushTests {

	@Test
	void aRunPushesItsJobAndStepMetricsWhenItEnds(@TempDir Path work) throws Exception {
		FileSystemUtils.copyRecursively(Path.of("src/test/resources/nightly/basic"), work.resolve("inputs"));
		try (MockWebServer pushgateway = new MockWebServer()) {
			for (int i = 0; i < 5; i++) {
				pushgateway.enqueue(new MockResponse.Builder().code(200).build());
			}
			pushgateway.start();

			ConfigurableApplicationContext context = SpringApplication
				.run(KeyreviewApplication.class, "nightly", "--date=2026-11-21",
						"--keyreview.inputs=" + work.resolve("inputs"), "--keyreview.out=" + work.resolve("out"),
						"--spring.datasource.url=jdbc:h2:mem:metrics;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
								+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY",
						"--management.prometheus.metrics.export.pushgateway.enabled=true",
						"--management.prometheus.metrics.export.pushgateway.address=" + pushgateway.getHostName() + ":"
								+ pushgateway.getPort(),
						"--management.prometheus.metrics.export.pushgateway.format=text");
			assertThat(SpringApplication.exit(context)).isZero();

			RecordedRequest push = pushgateway.takeRequest(10, TimeUnit.SECONDS);
			while (push != null && !push.getMethod().equals("PUT")) {
				push = pushgateway.takeRequest(10, TimeUnit.SECONDS);
			}
			assertThat(push).as("the push when the run ends").isNotNull();
			assertThat(push.getTarget()).isEqualTo("/metrics/job/keyreview");
			String metrics = push.getBody().utf8();
			assertThat(metrics).contains("spring_batch_job_seconds_count{", "spring_batch_job_name=\"nightlyJob\"",
					"spring_batch_step_seconds_count{", "spring_batch_step_name=\"loadUsage\"");
		}
	}

}
