package io.keyreview.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.keyreview.support.MySqlTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A block's sums staged with {@code LOAD DATA LOCAL INFILE} on MySQL or MariaDB, with the
 * connection settings production has: more rows than one write of the stream holds, and
 * values that {@code LOAD DATA}'s text format must escape.
 */
@ExtendWith(MySqlTestDatabase.class)
class UsageStagingIntegrationTests {

	private static final LocalDate NIGHT = LocalDate.parse("2026-11-21");

	private static final int CELLS = 2_500;

	private final HikariDataSource dataSource = dataSource();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	@Test
	void stagesEveryCellOfABlockLargerThanOneWriteWithItsValuesIntact() {
		Map<UsageCell, UsageSums> cells = new LinkedHashMap<>();
		for (int i = 0; i < CELLS; i++) {
			cells.put(new UsageCell("gateway", "tenant-" + i, NIGHT, (i == 7) ? "tab\there\\and\nbreak" : "support",
					"gpt-4o-mini", "openai"), sums(i));
		}

		new TransactionTemplate(new DataSourceTransactionManager(this.dataSource))
			.executeWithoutResult((status) -> new UsageStaging(this.jdbc).append(NIGHT, cells));

		assertThat(this.jdbc.queryForMap("""
				SELECT COUNT(*) AS cells, COUNT(DISTINCT cell_a, cell_b) AS fingerprints, SUM(requests) AS requests,
				  SUM(cost_usd) AS cost FROM usage_staging WHERE run_date = ?""", NIGHT))
			.containsEntry("cells", (long) CELLS)
			.containsEntry("fingerprints", (long) CELLS)
			.containsEntry("requests", BigDecimal.valueOf((long) CELLS * (CELLS - 1) / 2 + CELLS))
			.containsEntry("cost", new BigDecimal("3125.000000000000"));
		assertThat(this.jdbc.queryForList("SELECT route FROM usage_staging WHERE key_id = 'tenant-7'", String.class))
			.containsExactly("tab\there\\and\nbreak");
		assertThat(this.jdbc.queryForObject(
				"SELECT CAST(last_used_at AS CHAR) FROM usage_staging WHERE key_id = 'tenant-9'", String.class))
			.as("rounded to the microsecond, as MySQL rounds")
			.isEqualTo("2026-11-21 10:00:09.123457");
	}

	private static UsageSums sums(int i) {
		UsageSums sums = new UsageSums();
		sums.add(new UsageRow("usage/gateway.csv", i + 2, "gateway", "tenant-" + i,
				Instant.parse("2026-11-21T10:00:00Z").plusSeconds(i % 60).plusNanos(123_456_789), "support",
				"gpt-4o-mini", "openai", i + 1, 0, 10, 2, new BigDecimal("1.25"), null, List.of()));
		return sums;
	}

	private static HikariDataSource dataSource() {
		Map<String, String> settings = MySqlTestDatabase.datasource("staging");
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(settings.get("spring.datasource.url"));
		dataSource.setUsername(settings.get("spring.datasource.username"));
		dataSource.setPassword(settings.get("spring.datasource.password"));
		dataSource.addDataSourceProperty("allowLoadLocalInfileInPath", "target/test-work/landing");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/mysql")
			.load()
			.migrate();
		return dataSource;
	}

}
