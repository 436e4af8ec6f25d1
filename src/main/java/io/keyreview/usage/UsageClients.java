package io.keyreview.usage;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A block's requests per source, key, day and client address, where the usage files name
 * one, for the anomaly rule's new client address: staged in {@code usage_client_staging}
 * with the block, then rolled into {@code usage_client} with the day's rollups.
 */
final class UsageClients {

	private record Client(String source, String keyId, LocalDate day, String address) {
	}

	private final Map<Client, Long> requests = new LinkedHashMap<>();

	void add(UsageRow row) {
		if (row.clientIp() != null) {
			this.requests.merge(new Client(row.source(), row.keyId(), row.usageDay(), row.clientIp()), row.requests(),
					(sum, more) -> (sum + more < 0) ? Long.MAX_VALUE : sum + more);
		}
	}

	void stage(UsageStaging staging, LocalDate runDate) {
		String date = runDate.toString();
		staging.append("usage_client_staging", "run_date, source, key_id, usage_day, client_ip, requests",
				this.requests.entrySet(), new UsageStaging.Rows<>() {

					@Override
					public void appendTo(StringBuilder text, Map.Entry<Client, Long> row) {
						Client client = row.getKey();
						text.append(date).append('\t');
						UsageStaging.escaped(text, client.source()).append('\t');
						UsageStaging.escaped(text, client.keyId()).append('\t');
						text.append(client.day()).append('\t');
						UsageStaging.escaped(text, client.address()).append('\t');
						text.append(row.getValue()).append('\n');
					}

					@Override
					public Object[] values(Map.Entry<Client, Long> row) {
						Client client = row.getKey();
						return new Object[] { runDate, client.source(), client.keyId(), client.day(), client.address(),
								row.getValue() };
					}

				});
	}

	/**
	 * Replaces the client rows of the days and sources tonight covered ({@code days}:
	 * each a day and a source) with tonight's staged sums, and clears the staging.
	 */
	static void rollUp(JdbcTemplate jdbc, LocalDate runDate, List<Object[]> days) {
		jdbc.batchUpdate("DELETE FROM usage_client WHERE usage_day = ? AND source = ?", days);
		jdbc.update("""
				INSERT INTO usage_client (key_id, usage_day, client_ip, source, requests)
				SELECT key_id, usage_day, client_ip, source, SUM(requests) FROM usage_client_staging WHERE run_date = ?
				GROUP BY key_id, usage_day, client_ip, source""", runDate);
		jdbc.update("DELETE FROM usage_client_staging WHERE run_date = ?", runDate);
	}

}
