package io.keyreview.jobs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.keyreview.support.ForkedKeyreview;
import io.keyreview.support.MySqlTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away in the middle of a nightly (in a process of its own, talking to
 * MySQL or MariaDB through a proxy the test controls): frozen (the proxy forwards
 * nothing) or down (the proxy drops every connection and refuses new ones). The run ends,
 * within its timeouts, with exit 1 and a sentence that names the database.
 */
@ExtendWith(MySqlTestDatabase.class)
class DatabaseOutageTests {

	private static final String DATABASE = "keyreview_outage_" + ProcessHandle.current().pid();

	private static final Path WORK = Path.of("target/test-work/outage");

	private static final Path INPUTS = WORK.resolve("inputs");

	/** Far longer than the run needs with the timeouts of the run below. */
	private static final Duration PATIENCE = Duration.ofSeconds(150);

	private JdbcTemplate jdbc;

	@BeforeAll
	static void generateInputs() throws IOException {
		FileSystemUtils.deleteRecursively(WORK);
		FileSystemUtils.copyRecursively(Path.of("src/test/resources/nightly/basic"), INPUTS);
		StringBuilder usage = new StringBuilder("key_id,timestamp,route,model,provider,requests,cost_usd\n");
		for (int i = 0; i < 1_000; i++) {
			usage.append("alpha-prod,2026-11-")
				.append(String.format("%02d", 1 + i % 20))
				.append("T10:00:00Z,support-prod,gpt-4o-mini,openai,1,0.001\n");
		}
		Files.writeString(INPUTS.resolve("usage/load.csv"), usage);
	}

	@AfterAll
	static void dropDatabase() {
		new JdbcTemplate(RunLockIntegrationTests.dataSource(DATABASE, ""))
			.execute("DROP DATABASE IF EXISTS " + DATABASE);
	}

	@BeforeEach
	void emptyDatabase() {
		this.jdbc = new JdbcTemplate(RunLockIntegrationTests.dataSource(DATABASE, ""));
		this.jdbc.execute("DROP DATABASE IF EXISTS " + DATABASE);
		this.jdbc = new JdbcTemplate(RunLockIntegrationTests.dataSource(DATABASE, ""));
	}

	@ParameterizedTest(name = "database {0} in the middle of loadUsage")
	@ValueSource(strings = { "frozen", "down" })
	void aRunWhoseDatabaseGoesAwayEndsSoonWithASentenceNamingTheDatabaseAndTheSameCommandFinishesTheNight(String outage)
			throws Exception {
		URI database = URI.create(MySqlTestDatabase.datasource().get("spring.datasource.url").substring(5));
		try (DatabaseProxy proxy = new DatabaseProxy(database.getHost(), database.getPort())) {
			Process nightly = nightly(outage, proxy.port(), "");
			awaitCommittedChunks(nightly, 2);

			if (outage.equals("frozen")) {
				proxy.pause();
			}
			else {
				proxy.cut();
			}

			boolean ended = nightly.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			if (!ended) {
				nightly.destroyForcibly().waitFor();
			}
			assertThat(ended).as("the run ends within %s of the outage", PATIENCE).isTrue();
			assertThat(nightly.exitValue()).isEqualTo(1);
		}
		assertThat(Files.readString(WORK.resolve(outage + ".log")))
			.containsPattern("nightlyJob for 2026-11-21 failed: .*the database did not answer")
			.doesNotContain("could not start")
			.doesNotContain("Asked to stop");

		try (DatabaseProxy proxy = new DatabaseProxy(database.getHost(), database.getPort())) {
			Process rerun = nightly(outage, proxy.port(), "-rerun");
			assertThat(rerun.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the rerun ends").isTrue();
			assertThat(rerun.exitValue()).as("the same command finishes the night").isZero();
		}
		assertThat(this.jdbc.queryForObject("SELECT SUM(requests) FROM usage_daily WHERE source = 'load'", Long.class))
			.as("every usage row counted once")
			.isEqualTo(1_000);
	}

	private void awaitCommittedChunks(Process nightly, int chunks) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (committed() < chunks) {
			assertThat(nightly.isAlive()).as("the run is still going").isTrue();
			assertThat(Instant.now()).as("the run reached loadUsage in time").isBefore(deadline);
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
	}

	private long committed() {
		try {
			List<Long> commits = this.jdbc.queryForList(
					"SELECT COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'loadUsage' AND STATUS = 'STARTED'",
					Long.class);
			return commits.isEmpty() ? 0 : commits.get(0);
		}
		catch (RuntimeException notMigratedYet) {
			return 0;
		}
	}

	/**
	 * The nightly through the proxy, with a short socket timeout on its URL (which wins
	 * over the defaults of {@code application.yml}) and short pool timeouts, so the run
	 * gives up on the database in seconds rather than the production defaults' minute (a
	 * small pool, as the pool checks each of its idle connections before it gives up).
	 */
	private static Process nightly(String name, int proxyPort, String logSuffix) throws IOException {
		Map<String, String> datasource = MySqlTestDatabase.datasource();
		String url = RunLockIntegrationTests.url(DATABASE, "&socketTimeout=4000")
			.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxyPort + "/");
		List<String> command = new ArrayList<>(List.of("nightly", "--date=2026-11-21", "--keyreview.inputs=" + INPUTS,
				"--keyreview.out=" + WORK.resolve(name + "-out"), "--keyreview.chunk-size=20",
				"--keyreview.usage.chunk-size=20", "--keyreview.progress-interval=0s", "--spring.datasource.url=" + url,
				"--spring.datasource.hikari.connection-timeout=2000",
				"--spring.datasource.hikari.validation-timeout=500", "--spring.datasource.hikari.maximum-pool-size=4",
				"--spring.datasource.username=" + datasource.get("spring.datasource.username"),
				"--spring.datasource.password=" + datasource.get("spring.datasource.password")));
		return ForkedKeyreview.start(WORK.resolve(name + logSuffix + ".log"), command);
	}

}
