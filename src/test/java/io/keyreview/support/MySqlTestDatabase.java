package io.keyreview.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The MySQL server the integration tests run on: a Testcontainers MySQL 8 where Docker
 * runs, otherwise the server at {@code KEYREVIEW_TEST_MYSQL_URL} (default: the local
 * MariaDB on 127.0.0.1:3306). Without either the suite is skipped, loudly, except on CI
 * ({@code CI=true}), where it must run.
 * <p>
 * Each test run creates databases of its own, named
 * {@code keyreview_test_<epoch seconds>_<random>[_<purpose>]}, and drops them when the
 * run ends, so two runs on one server never meet and every run starts from an empty
 * database, as on a new machine.
 */
public final class MySqlTestDatabase implements ExecutionCondition {

	/** The prefix of every database a test run creates. */
	public static final String PREFIX = "keyreview_test_";

	private static final String SERVER = System.getenv()
		.getOrDefault("KEYREVIEW_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306");

	private static final String OPTIONS = "?createDatabaseIfNotExist=true&rewriteBatchedStatements=true";

	private static final String USER = System.getenv().getOrDefault("KEYREVIEW_TEST_MYSQL_USER", "root");

	private static final String PASSWORD = System.getenv().getOrDefault("KEYREVIEW_TEST_MYSQL_PASSWORD", "");

	private static final String RUN = PREFIX + Instant.now().getEpochSecond() + "_"
			+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

	private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

	private static MySQLContainer container;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (dockerAvailable() || serverReachable()) {
			context.getRoot()
				.getStore(ExtensionContext.Namespace.GLOBAL)
				.computeIfAbsent(MySqlTestDatabase.class, (key) -> (AutoCloseable) MySqlTestDatabase::dropCreated);
			return ConditionEvaluationResult.enabled("MySQL available");
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(
					"CI requires the MySQL suite, but no server answers at " + SERVER + " and Docker is not available");
		}
		String reason = "MySQL/MariaDB suite SKIPPED: no server at " + SERVER + " and no Docker";
		System.err.println("*** " + reason + " ***");
		return ConditionEvaluationResult.disabled(reason);
	}

	/** Points the Spring context at this run's database. */
	public static void register(DynamicPropertyRegistry registry) {
		datasource().forEach((key, value) -> registry.add(key, () -> value));
	}

	/** The datasource settings of this run's database, for a process of its own. */
	public static Map<String, String> datasource() {
		return datasource(null);
	}

	/**
	 * The datasource settings of a database of this run's for one purpose, apart from the
	 * one the Spring contexts share: a test that drops and recreates it disturbs no
	 * other.
	 */
	public static Map<String, String> datasource(String purpose) {
		String database = (purpose != null) ? RUN + "_" + purpose : RUN;
		CREATED.add(database);
		return Map.of("spring.datasource.url", server() + "/" + database + OPTIONS, "spring.datasource.username",
				user(), "spring.datasource.password", password());
	}

	/** Drops one of this run's databases and creates it empty, as a new server has it. */
	public static void recreate(String purpose) {
		String database = RUN + "_" + purpose;
		CREATED.add(database);
		execute("DROP DATABASE IF EXISTS `" + database + "`", "CREATE DATABASE `" + database + "`");
	}

	private static void dropCreated() {
		CREATED.forEach((database) -> execute("DROP DATABASE IF EXISTS `" + database + "`"));
		CREATED.clear();
	}

	private static void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(server() + "/", user(), password());
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot prepare the test database on " + server() + ": " + ex.getMessage(),
					ex);
		}
	}

	private static String server() {
		if (dockerAvailable()) {
			startContainer();
			String url = container.getJdbcUrl();
			return url.substring(0, url.lastIndexOf('/'));
		}
		return SERVER;
	}

	private static String user() {
		return dockerAvailable() ? "root" : USER;
	}

	private static String password() {
		return dockerAvailable() ? container.getPassword() : PASSWORD;
	}

	private static synchronized void startContainer() {
		if (container == null) {
			container = new MySQLContainer("mysql:8.4");
			container.start();
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean serverReachable() {
		try (Connection connection = DriverManager.getConnection(SERVER + "/", USER, PASSWORD)) {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
