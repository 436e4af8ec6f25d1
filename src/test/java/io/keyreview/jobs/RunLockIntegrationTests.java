package io.keyreview.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import io.keyreview.support.KeyreviewProperties;
import io.keyreview.support.MySqlTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run lock on MySQL or MariaDB: one per job and database, so runs on two databases of
 * one server never block each other, and held for as long as the run lasts, however short
 * the server's {@code wait_timeout}.
 */
@ExtendWith(MySqlTestDatabase.class)
class RunLockIntegrationTests {

	/**
	 * Databases of this test run's own, so that another run on the same server is no
	 * bother.
	 */
	private static final String STAGING = "keyreview_lock_staging_" + ProcessHandle.current().pid();

	private static final String PRODUCTION = "keyreview_lock_production_" + ProcessHandle.current().pid();

	private static final KeyreviewProperties PROPERTIES = new KeyreviewProperties(Path.of("target/test-work/inputs"),
			Path.of("target/test-work/locks-out"), null, 1000, 100, Duration.ofSeconds(10), Duration.ofDays(90));

	@AfterAll
	static void dropSchemas() {
		new JdbcTemplate(dataSource(STAGING, "")).execute("DROP DATABASE IF EXISTS " + STAGING);
		new JdbcTemplate(dataSource(PRODUCTION, "")).execute("DROP DATABASE IF EXISTS " + PRODUCTION);
	}

	@Test
	void runsOnTwoDatabasesOfOneServerDoNotBlockEachOther() throws Exception {
		RunLocks staging = new RunLocks(dataSource(STAGING, ""), PROPERTIES);
		RunLocks production = new RunLocks(dataSource(PRODUCTION, ""), PROPERTIES);

		try (AutoCloseable stagingLock = staging.tryLock("nightlyJob");
				AutoCloseable productionLock = production.tryLock("nightlyJob")) {
			assertThat(stagingLock).as("the staging run's lock").isNotNull();
			assertThat(productionLock).as("the production run's lock, while staging runs").isNotNull();
			assertThat(staging.tryLock("nightlyJob")).as("a second staging run").isNull();
		}
	}

	@Test
	void keepsTheLockLongerThanTheServerKeepsAnIdleSession() throws Exception {
		RunLocks locks = new RunLocks(dataSource(STAGING, "&sessionVariables=wait_timeout=2"), PROPERTIES);
		RunLocks secondRun = new RunLocks(dataSource(STAGING, ""), PROPERTIES);

		try (AutoCloseable lock = locks.tryLock("nightlyJob")) {
			assertThat(lock).isNotNull();
			long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
			while (System.nanoTime() < end) {
				try (AutoCloseable second = secondRun.tryLock("nightlyJob")) {
					assertThat(second).as("a second run's lock, 2 s being the first lock session's wait_timeout")
						.isNull();
				}
				LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
			}
		}
	}

	@Test
	void aLockNameTooLongForMySqlIsShortenedWithAHashOfTheDatabaseName() {
		String longName = NamedRunLock.name("k".repeat(60), "quarterlyJob");
		String otherLongName = NamedRunLock.name("k".repeat(59) + "x", "quarterlyJob");

		assertThat(NamedRunLock.name("keyreview", "nightlyJob")).isEqualTo("keyreview.keyreview.nightlyJob");
		assertThat(longName).hasSizeLessThanOrEqualTo(64).startsWith("keyreview.").endsWith(".quarterlyJob");
		assertThat(otherLongName).hasSizeLessThanOrEqualTo(64).isNotEqualTo(longName);
	}

	/** The test server's datasource with another database (created if missing). */
	static DataSource dataSource(String database, String extraParameters) {
		Map<String, String> datasource = MySqlTestDatabase.datasource();
		return new DriverManagerDataSource(url(database, extraParameters), datasource.get("spring.datasource.username"),
				datasource.get("spring.datasource.password"));
	}

	/** The test server's URL with another database (created if missing). */
	static String url(String database, String extraParameters) {
		String url = MySqlTestDatabase.datasource()
			.get("spring.datasource.url")
			.replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + database);
		return url + (url.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true" + extraParameters;
	}

}
