package io.keyreview.usage;

import java.time.LocalDate;

/**
 * What one row of {@code usage_daily} sums: a source's usage of a key on a day, route,
 * model and provider.
 */
record UsageCell(String source, String keyId, LocalDate day, String route, String model, String provider) {

	static UsageCell of(UsageRow row) {
		return new UsageCell(row.source(), row.keyId(), row.usageDay(), row.route(), row.model(), row.provider());
	}

	@Override
	public String toString() {
		return "key " + this.keyId + "'s usage on " + this.day + " (route '" + this.route + "', model '" + this.model
				+ "', provider '" + this.provider + "')";
	}

}
