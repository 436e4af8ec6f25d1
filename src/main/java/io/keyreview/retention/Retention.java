package io.keyreview.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Prunes what is older than the retention period: the dated landing and reject folders,
 * the rejected rows, and the job repository's finished executions (with instances left
 * without any). The register, the change log, the findings, the exposures and the mail
 * history are kept: they are the audit trail.
 */
class Retention {

	private final JdbcTemplate jdbc;

	private final JobRepository jobRepository;

	private final Duration keep;

	Retention(JdbcTemplate jdbc, JobRepository jobRepository, Duration keep) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
		this.keep = keep;
	}

	/** What was pruned, in a sentence. */
	String prune(LocalDate runDate, LocalDateTime now, List<Path> datedFolders) {
		LocalDate cutoff = runDate.minusDays(this.keep.toDays());
		int folders = 0;
		for (Path parent : datedFolders) {
			folders += pruneDatedFolders(parent, cutoff);
		}
		int rejected = this.jdbc.update("DELETE FROM rejected_row WHERE run_date < ?", cutoff);
		this.jdbc.update("DELETE FROM usage_day_rolled_up WHERE run_date < ?", cutoff);
		this.jdbc.update("DELETE FROM source_mismatch WHERE run_date < ?", cutoff);
		this.jdbc.update("DELETE FROM person_listing WHERE run_date < ?", cutoff);
		int executions = pruneJobRepository(now.minus(this.keep));
		return folders + " dated folder(s), " + rejected + " rejected row(s) and " + executions
				+ " job execution(s) older than " + this.keep.toDays() + " days";
	}

	private static int pruneDatedFolders(Path parent, LocalDate cutoff) {
		if (!Files.isDirectory(parent)) {
			return 0;
		}
		try (Stream<Path> children = Files.list(parent)) {
			int pruned = 0;
			for (Path child : children.filter(Files::isDirectory).toList()) {
				if (isBefore(child.getFileName().toString(), cutoff)) {
					FileSystemUtils.deleteRecursively(child);
					pruned++;
				}
			}
			return pruned;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prune " + parent, ex);
		}
	}

	private static boolean isBefore(String folderName, LocalDate cutoff) {
		try {
			return LocalDate.parse(folderName).isBefore(cutoff);
		}
		catch (DateTimeParseException notDated) {
			return false;
		}
	}

	/**
	 * Deletes the executions that ended before the time, with their steps, contexts and
	 * parameters, and the instances left without any, through the job repository.
	 */
	private int pruneJobRepository(LocalDateTime before) {
		int pruned = 0;
		for (String jobName : this.jobRepository.getJobNames()) {
			for (JobInstance instance : this.jobRepository.findJobInstances(jobName)) {
				List<JobExecution> executions = this.jobRepository.getJobExecutions(instance);
				List<JobExecution> old = executions.stream()
					.filter((execution) -> execution.getEndTime() != null && execution.getEndTime().isBefore(before))
					.toList();
				old.forEach(this.jobRepository::deleteJobExecution);
				if (old.size() == executions.size()) {
					this.jobRepository.deleteJobInstance(instance);
				}
				pruned += old.size();
			}
		}
		return pruned;
	}

}
