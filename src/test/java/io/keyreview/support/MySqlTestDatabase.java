package io.keyreview.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The MySQL database the integration tests run on: a Testcontainers MySQL 8 where Docker
 * runs, otherwise the server at {@code KEYREVIEW_TEST_MYSQL_URL} (default: the local
 * MariaDB on 127.0.0.1:3306, database {@code keyreview_test}). Without either the suite
 * is skipped, loudly, except on CI ({@code CI=true}), where it must run.
 */
public final class MySqlTestDatabase implements ExecutionCondition {

	private static final String URL = System.getenv()
		.getOrDefault("KEYREVIEW_TEST_MYSQL_URL",
				"jdbc:mysql://127.0.0.1:3306/keyreview_test?createDatabaseIfNotExist=true&rewriteBatchedStatements=true");

	private static final String USER = System.getenv().getOrDefault("KEYREVIEW_TEST_MYSQL_USER", "root");

	private static final String PASSWORD = System.getenv().getOrDefault("KEYREVIEW_TEST_MYSQL_PASSWORD", "");

	private static MySQLContainer container;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (dockerAvailable() || serverReachable()) {
			return ConditionEvaluationResult.enabled("MySQL available");
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(
					"CI requires the MySQL suite, but no server answers at " + URL + " and Docker is not available");
		}
		String reason = "MySQL/MariaDB suite SKIPPED: no server at " + URL + " and no Docker";
		System.err.println("*** " + reason + " ***");
		return ConditionEvaluationResult.disabled(reason);
	}

	public static void register(DynamicPropertyRegistry registry) {
		if (dockerAvailable()) {
			startContainer();
			registry.add("spring.datasource.url", () -> container.getJdbcUrl() + "?rewriteBatchedStatements=true");
			registry.add("spring.datasource.username", container::getUsername);
			registry.add("spring.datasource.password", container::getPassword);
		}
		else {
			registry.add("spring.datasource.url", () -> URL);
			registry.add("spring.datasource.username", () -> USER);
			registry.add("spring.datasource.password", () -> PASSWORD);
		}
	}

	/** The datasource settings of the test database, for a process of its own. */
	public static Map<String, String> datasource() {
		if (dockerAvailable()) {
			startContainer();
			return Map.of("spring.datasource.url", container.getJdbcUrl() + "?rewriteBatchedStatements=true",
					"spring.datasource.username", container.getUsername(), "spring.datasource.password",
					container.getPassword());
		}
		return Map.of("spring.datasource.url", URL, "spring.datasource.username", USER, "spring.datasource.password",
				PASSWORD);
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
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
