package io.keyreview.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's drops: the same seed writes the same bytes, and a small drop loads in
 * the nightly without a rejected row or a redacted cell, with the situations it stages.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:dropgenerator;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
				+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1",
		"keyreview.inputs=target/drop-generator-test/drop", "keyreview.out=target/drop-generator-test/out",
		"keyreview.progress-interval=0s" })
class DropGeneratorTests {

	private static final Path WORK = Path.of("target/drop-generator-test");

	private static final DropSize TINY = DropSize.of("100:200:2000");

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSameSeedWritesTheSameDropAndAnotherSeedAnother() throws IOException {
		DropGenerator.generate(WORK.resolve("a"), TINY, 7, DropGenerator.DEFAULT_RUN_DATE);
		DropGenerator.generate(WORK.resolve("b"), TINY, 7, DropGenerator.DEFAULT_RUN_DATE);
		DropGenerator.generate(WORK.resolve("c"), TINY, 8, DropGenerator.DEFAULT_RUN_DATE);

		Map<String, String> a = contents(WORK.resolve("a"));
		assertThat(a).containsKeys("owners.yaml", "keys/litellm.csv", "keys/openai.csv", "people/people.csv",
				"usage/litellm.csv", "usage/litellm-eu.csv", "usage/openai.csv");
		assertThat(contents(WORK.resolve("b"))).isEqualTo(a);
		Map<String, String> c = contents(WORK.resolve("c"));
		assertThat(c.get("usage/litellm.csv")).isNotEqualTo(a.get("usage/litellm.csv"));
		assertThat(c.get("people/people.csv")).isNotEqualTo(a.get("people/people.csv"));
	}

	@Test
	void aSmallDropLoadsWithoutRejectsOrSecretsAndStagesEachSituation() throws Exception {
		DropGenerator.Summary drop = DropGenerator.generate(WORK.resolve("drop"), TINY, DropGenerator.DEFAULT_SEED,
				DropGenerator.DEFAULT_RUN_DATE);
		assertThat(drop.totalUsageRows()).isEqualTo(TINY.usageRows());
		assertThat(drop.kinds().keySet()).containsAll(List.of(DropGenerator.Kind.values()));

		ApplicationRunner commandLine = this.context.getBean("keyreviewCommandLine", ApplicationRunner.class);
		commandLine.run(new DefaultApplicationArguments("nightly", "--date=" + DropGenerator.DEFAULT_RUN_DATE));
		assertThat(((ExitCodeGenerator) commandLine).getExitCode()).isZero();

		assertThat(count("SELECT COUNT(*) FROM rejected_row")).isZero();
		assertThat(count("SELECT COUNT(*) FROM secret_exposure")).isZero();
		assertThat(count("SELECT COUNT(*) FROM inventory_key")).isEqualTo(TINY.keys());
		assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(TINY.people());
		assertThat(count("SELECT COUNT(*) FROM key_policy")).isEqualTo(drop.policies()).isLessThan(TINY.keys());
		assertThat(count("SELECT SUM(requests) FROM usage_daily")).isEqualTo(TINY.usageRows());
		assertThat(count("SELECT SUM(requests) FROM unattributed_usage")).isEqualTo(drop.unattributedRows())
			.isPositive();
		assertThat(this.jdbc.queryForList("SELECT DISTINCT rule_id FROM key_finding", String.class)).contains("stale",
				"owner-left", "vendor-exit", "no-owner", "rotation-overdue");
		assertThat(count("SELECT COUNT(*) FROM key_register WHERE decision = 'keep'")).isGreaterThan(TINY.keys() / 2);
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private static Map<String, String> contents(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path file : paths.filter(Files::isRegularFile).toList()) {
				files.put(folder.relativize(file).toString(), Files.readString(file));
			}
		}
		return files;
	}

}
