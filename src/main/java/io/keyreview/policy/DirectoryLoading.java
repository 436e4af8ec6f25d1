package io.keyreview.policy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.keyreview.intake.BadRowException;
import io.keyreview.support.EmailAddresses;
import io.keyreview.secrets.Exposure;
import io.keyreview.intake.ExposureWriter;
import io.keyreview.support.Identities;
import io.keyreview.intake.InputFileException;
import io.keyreview.intake.InputSource;
import io.keyreview.intake.LandingArea;
import io.keyreview.intake.LandingArea.LandedFiles;
import io.keyreview.intake.RejectRecorder;
import io.keyreview.run.RunDate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Replaces the directory tables with tonight's {@code owners.yaml}, in one transaction.
 */
class DirectoryLoading implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(DirectoryLoading.class);

	private final JdbcTemplate jdbc;

	private final LandingArea landingArea;

	private final DataSize maxSize;

	DirectoryLoading(JdbcTemplate jdbc, LandingArea landingArea, DataSize maxSize) {
		this.jdbc = jdbc;
		this.landingArea = landingArea;
		this.maxSize = maxSize;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		LocalDate runDate = RunDate.of(chunkContext);
		LandedFiles landed = this.landingArea.landedFiles(runDate, InputSource.DIRECTORY);
		if (landed.files().isEmpty()) {
			throw new InputFileException("owners.yaml was not landed for " + runDate);
		}
		Path file = landed.files().get(0);
		YamlDocument document = YamlDocument.read("directory/" + file.getFileName(), file, landed, this.maxSize);
		Directory directory = checkAddresses(document, parse(document),
				chunkContext.getStepContext().getStepExecution());
		replaceTables(directory);
		recordExposures(document, runDate);
		contribution.incrementReadCount();
		contribution.incrementWriteCount(
				directory.groups().size() + directory.modelGroups().size() + directory.routes().size());
		logger.info("loadDirectory: {} owner groups, {} model groups, {} routes", directory.groups().size(),
				directory.modelGroups().size(), directory.routes().size());
		return RepeatStatus.FINISHED;
	}

	static Directory parse(YamlDocument document) {
		try {
			return PolicyYaml.read(document, Directory.class);
		}
		catch (JacksonException ex) {
			throw new InputFileException(
					document.file() + " line " + PolicyYaml.line(ex) + " is not valid: " + PolicyYaml.reason(ex), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new InputFileException(document.file() + " " + ex.getMessage(), ex);
		}
	}

	/**
	 * Rejects (file, line, reason) a group's address that is not an e-mail address, as a
	 * load step rejects a bad row; the group is loaded without it.
	 */
	private Directory checkAddresses(YamlDocument document, Directory directory, StepExecution stepExecution) {
		RejectRecorder rejects = new RejectRecorder(this.jdbc, InputSource.DIRECTORY);
		rejects.beforeStep(stepExecution);
		Map<String, Directory.Group> groups = new LinkedHashMap<>();
		directory.groups()
			.forEach((name, group) -> groups.put(name,
					new Directory.Group(
							checked(document, "group " + name, "mailbox", group.mailbox(),
									"the group is loaded without it", rejects),
							checked(document, "group " + name, "accountable", group.accountable(),
									"the group is loaded without it", rejects))));
		Map<String, List<String>> delegates = new LinkedHashMap<>();
		directory.delegates()
			.entrySet()
			.stream()
			.filter((entry) -> knownPrincipal(document, directory, entry.getKey(), rejects))
			.forEach((entry) -> delegates.put(entry.getKey(),
					delegatesOf(document, entry.getKey(), entry.getValue(), rejects)));
		return new Directory(groups, directory.modelGroups(), directory.routes(), delegates);
	}

	/**
	 * Whom delegates answer for: a group of the directory or an e-mail address; anything
	 * else is rejected with its delegates.
	 */
	private static boolean knownPrincipal(YamlDocument document, Directory directory, String principal,
			RejectRecorder rejects) {
		if (directory.groups().containsKey(principal) || EmailAddresses.isValid(principal.strip())) {
			return true;
		}
		long line = document.lineOf(principal);
		String shown = (principal.length() > 60) ? principal.substring(0, 60) + "…" : principal;
		rejects.onSkipInProcess("delegates",
				new BadRowException(document.file(), line, null, "delegates: '" + shown
						+ "' is neither a group of owners.yaml nor an e-mail address; its delegates are left out",
						document.lineText(line)));
		return false;
	}

	private static List<String> delegatesOf(YamlDocument document, String principal, @Nullable List<String> named,
			RejectRecorder rejects) {
		return ((named != null) ? named : List.<String>of()).stream()
			.map((delegate) -> checked(document, "delegates of " + principal, "delegate", delegate, "it is left out",
					rejects))
			.filter((delegate) -> delegate != null && !delegate.isBlank())
			.toList();
	}

	private static @Nullable String checked(YamlDocument document, String subject, String field,
			@Nullable String address, String consequence, RejectRecorder rejects) {
		if (address == null || address.isBlank() || EmailAddresses.isValid(address.strip())) {
			return address;
		}
		long line = document.lineOf(address.strip());
		rejects.onSkipInProcess(subject,
				new BadRowException(document.file(), line, null,
						subject + ": " + field + " '" + address.strip() + "' is not an e-mail address; " + consequence,
						document.lineText(line)));
		return null;
	}

	private void replaceTables(Directory directory) {
		this.jdbc.update("DELETE FROM owner_group");
		this.jdbc.update("DELETE FROM model_group_member");
		this.jdbc.update("DELETE FROM route_environment");
		this.jdbc.update("DELETE FROM owner_delegate");
		this.jdbc.batchUpdate("INSERT INTO owner_group (name, mailbox, accountable) VALUES (?, ?, ?)",
				directory.groups()
					.entrySet()
					.stream()
					.map((group) -> new Object[] { group.getKey(), Identities.normalise(group.getValue().mailbox()),
							Identities.normalise(group.getValue().accountable()) })
					.toList());
		List<Object[]> members = new ArrayList<>();
		directory.modelGroups()
			.forEach((group, models) -> models.stream()
				.distinct()
				.forEach((model) -> members.add(new Object[] { group, model })));
		this.jdbc.batchUpdate("INSERT INTO model_group_member (group_name, model) VALUES (?, ?)", members);
		this.jdbc.batchUpdate("INSERT INTO route_environment (route, environment) VALUES (?, ?)",
				directory.routes()
					.entrySet()
					.stream()
					.map((route) -> new Object[] { route.getKey(), route.getValue().toLowerCase(Locale.ROOT) })
					.toList());
		this.jdbc.batchUpdate("INSERT INTO owner_delegate (principal, delegate) VALUES (?, ?)", delegations(directory));
	}

	/**
	 * Each principal and delegate, normalised; a group named as the principal stands for
	 * its accountable person and its mailbox.
	 */
	private static List<Object[]> delegations(Directory directory) {
		Set<List<String>> rows = new LinkedHashSet<>();
		directory.delegates().forEach((principal, delegates) -> {
			Directory.Group group = directory.groups().get(principal);
			Stream<String> principals = (group != null) ? Stream.of(group.accountable(), group.mailbox())
					: Stream.of(principal);
			principals.map(Identities::normalise)
				.filter(Objects::nonNull)
				.forEach((who) -> delegates.stream()
					.map(Identities::normalise)
					.filter(Objects::nonNull)
					.forEach((delegate) -> rows.add(List.of(who, delegate))));
		});
		return rows.stream().map(List::toArray).toList();
	}

	private void recordExposures(YamlDocument document, LocalDate runDate) {
		List<Object[]> rows = new ArrayList<>();
		for (Exposure exposure : document.exposures()) {
			rows.add(new Object[] { runDate, exposure.file(), exposure.line(), exposure.column(),
					exposure.fingerprint(), InputSource.DIRECTORY.sourceName(), null });
		}
		if (!rows.isEmpty()) {
			ExposureWriter.record(this.jdbc, rows);
		}
	}

}
