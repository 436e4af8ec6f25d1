package io.keyreview.policy;

import java.util.Collection;

import io.keyreview.support.BadRowException;
import io.keyreview.support.FirstRowWins;
import io.keyreview.support.Identities;
import tools.jackson.core.JacksonException;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Parses one policy file into a {@link Policy}, or rejects the file with the line and
 * reason.
 */
class PolicyProcessor implements ItemProcessor<YamlDocument, Policy> {

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
		return new Policy(file.keyId().strip(), Identities.normalise(owners.business()),
				Identities.normalise(owners.technical()), Identities.normalise(owners.security()),
				Identities.normalise(owners.finance()), file.environment(), workload.service(), workload.repository(),
				workload.deployment(), file.routes().allowed(), file.routes().denied(), file.models().allowedGroups(),
				file.models().fallbackRequiresSameDataPolicy(), file.scopes().allow(), file.scopes().deny(),
				quotas.monthlyBudgetUsd(), Identities.normalise(quotas.alertOwner()), quotas.burstLimit(),
				logging.requestMetadata(), logging.rawPayloadStorage(), logging.auditEventsRequired(),
				rotation.cadence(), rotation.method(), rotation.lastCompleted(), file.offboarding().triggers(),
				exceptions.allowed(), exceptions.reason(), Identities.normalise(exceptions.approver()),
				exceptions.expires(), document.file(), document.exposures());
	}

	private static String lineText(YamlDocument document, long line) {
		String[] lines = document.text().split("\n", -1);
		return (line >= 1 && line <= lines.length) ? lines[(int) line - 1].strip() : "";
	}

}
