package io.keyreview.inventory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.keyreview.intake.CsvRow;
import io.keyreview.intake.FirstRowWins;
import io.keyreview.intake.FirstRowWins.Listing;
import io.keyreview.support.Identities;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a {@code keys.csv} row into an {@link InventoryKey}, or rejects it with the
 * reason.
 */
class InventoryKeyProcessor implements ItemProcessor<CsvRow, InventoryKey> {

	private static final Set<String> STATUSES = Set.of("active", "disabled", "revoked", "expired", "deleted");

	private static final Set<String> OWNER_TYPES = Set.of("user", "service_account", "vendor");

	private final FirstRowWins firstRowWins;

	/**
	 * @param keysAlreadyLoaded the keys an interrupted attempt loaded, each with the
	 * values a key listed again is compared with ({@link #compared})
	 */
	InventoryKeyProcessor(Map<String, Listing> keysAlreadyLoaded) {
		this.firstRowWins = new FirstRowWins(keysAlreadyLoaded);
	}

	/** What a second listing of a key is compared with: its status and owner. */
	static Map<String, @Nullable String> compared(@Nullable String status, @Nullable String owner) {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		values.put("status", status);
		values.put("owner", owner);
		return values;
	}

	@Override
	public InventoryKey process(CsvRow row) {
		row.requireAllColumns();
		String keyId = row.required("key_id", 128);
		String environment = row.lowerCase("environment");
		InventoryKey key = new InventoryKey(source(row), keyId, row.text("alias"), row.text("project"),
				(environment != null && InventoryKey.ENVIRONMENTS.contains(environment)) ? environment : "unknown",
				row.oneOf("status", STATUSES), Identities.normalise(row.text("owner")),
				row.oneOf("owner_type", OWNER_TYPES), Identities.normalise(row.text("created_by")),
				row.instant("created_at"), row.instant("last_used_at"), row.instant("last_rotated_at"),
				row.instant("expires_at"), row.list("scopes"), row.list("allowed_models"), row.list("allowed_routes"),
				row.amount("monthly_budget_usd"), row.text("secret_location"), row.file(), row.exposures());
		this.firstRowWins.check(row, "key_id", keyId, compared(key.status(), key.owner()));
		return key;
	}

	private static String source(CsvRow row) {
		String source = row.text("source");
		if (source != null) {
			return source.toLowerCase(Locale.ROOT);
		}
		return row.fileStem(InventoryKey.MAX_LENGTHS.get("source"));
	}

}
