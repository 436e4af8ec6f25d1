package io.keyreview.policy;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import io.keyreview.intake.BadRowException;
import io.keyreview.support.EmailAddresses;
import io.keyreview.intake.FirstRowWins;
import io.keyreview.support.Identities;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Parses one policy file into a {@link Policy}, or rejects the file with the line and
 * reason.
 */
class PolicyProcessor implements ItemProcessor<YamlDocument, Policy> {

	/**
	 * The longest value (characters) each text field's column holds; owners and other
	 * addresses hold 300.
	 */
	private static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(Map.entry("environment", 20),
			Map.entry("workload.service", 200), Map.entry("workload.repository", 200),
			Map.entry("workload.deployment", 200), Map.entry("quotas.burst_limit", 100),
			Map.entry("logging.request_metadata", 100), Map.entry("logging.raw_payload_storage", 100),
			Map.entry("rotation.cadence", 100), Map.entry("rotation.method", 200),
			Map.entry("exceptions.reason", 1000));

	private final FirstRowWins firstRowWins;

	PolicyProcessor(Collection<String> policiesAlreadyLoaded) {
		this.firstRowWins = new FirstRowWins(policiesAlreadyLoaded);
	}

	@Override
	public Policy process(YamlDocument document) {
		PolicyFile file;
		try {
			file = PolicyYaml.read(document, PolicyFile.class);
		}
		catch (JacksonException ex) {
			throw new BadRowException(document.file(), PolicyYaml.line(ex), null,
					"is not a valid policy: " + PolicyYaml.reason(ex), lineText(document, PolicyYaml.line(ex)));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRowException(document.file(), 1, null, ex.getMessage(), "");
		}
		if (file.keyId() == null || file.keyId().isBlank() || file.keyId().length() > 128) {
			throw new BadRowException(document.file(), 1, null, "has no key_id (or one longer than 128 characters)",
					"");
		}
		this.firstRowWins.check(document.file(), "key_id", file.keyId().strip());
		var owners = file.owners();
		var workload = file.workload();
		var quotas = file.quotas();
		var logging = file.logging();
		var rotation = file.rotation();
		var exceptions = file.exceptions();
		Map<String, String> addresses = Map.of("owners.business", text(owners.business()), "owners.technical",
				text(owners.technical()), "owners.security", text(owners.security()), "owners.finance",
				text(owners.finance()), "owners.backup", text(owners.backup()), "quotas.alert_owner",
				text(quotas.alertOwner()), "exceptions.approver", text(exceptions.approver()));
		checkAddresses(document, file.keyId().strip(), addresses);
		Map<String, String> texts = new TreeMap<>(addresses);
		texts.putAll(Map.of("environment", text(file.environment()), "workload.service", text(workload.service()),
				"workload.repository", text(workload.repository()), "workload.deployment", text(workload.deployment()),
				"quotas.burst_limit", text(quotas.burstLimit()), "logging.request_metadata",
				text(logging.requestMetadata()), "logging.raw_payload_storage", text(logging.rawPayloadStorage()),
				"rotation.cadence", text(rotation.cadence()), "rotation.method", text(rotation.method()),
				"exceptions.reason", text(exceptions.reason())));
		checkLengths(document, file.keyId().strip(), texts);
		return new Policy(file.keyId().strip(), Identities.normalise(owners.business()),
				Identities.normalise(owners.technical()), Identities.normalise(owners.security()),
				Identities.normalise(owners.finance()), Identities.normalise(owners.backup()), file.environment(),
				workload.service(), workload.repository(), workload.deployment(), file.routes().allowed(),
				file.routes().denied(), file.models().allowedGroups(), file.models().fallbackRequiresSameDataPolicy(),
				file.scopes().allow(), file.scopes().deny(), quotas.monthlyBudgetUsd(),
				Identities.normalise(quotas.alertOwner()), quotas.burstLimit(), logging.requestMetadata(),
				logging.rawPayloadStorage(), logging.auditEventsRequired(), rotation.cadence(), rotation.method(),
				rotation.lastCompleted(), file.offboarding().triggers(), exceptions.allowed(), exceptions.reason(),
				Identities.normalise(exceptions.approver()), exceptions.expires(), document.file(),
				document.exposures());
	}

	/** An owner is a group name or an e-mail address; one that has an @ must be one. */
	private static void checkAddresses(YamlDocument document, String keyId, Map<String, String> owners) {
		new TreeMap<>(owners).forEach((field, value) -> {
			if (value.contains("@") && !EmailAddresses.isValid(value)) {
				long line = document.lineOf(value);
				throw new BadRowException(document.file(), line, keyId,
						field + " '" + value + "' is not an e-mail address", lineText(document, line));
			}
		});
	}

	/** A value longer than its column holds rejects the file, naming the field. */
	private static void checkLengths(YamlDocument document, String keyId, Map<String, String> texts) {
		texts.forEach((field, value) -> {
			int max = MAX_LENGTHS.getOrDefault(field, 300);
			if (value.length() > max) {
				long line = document.lineOf(value);
				throw new BadRowException(document.file(), line, keyId,
						field + " is longer than " + max + " characters", lineText(document, line));
			}
		});
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value.strip() : "";
	}

	private static String lineText(YamlDocument document, long line) {
		return document.lineText(line);
	}

}
