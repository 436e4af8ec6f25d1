package io.keyreview.worklist;

import io.keyreview.run.Cycle;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.keyreview.review.Decision;
import io.keyreview.support.CsvExport;
import io.keyreview.run.RunDate;
import io.keyreview.support.KeyreviewProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds a cycle's work list in one transaction (replacing any earlier attempt's), a page
 * of keys at a time, and exports it to {@code worklists/worklist-<cycle>.csv}, a page of
 * rows at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewSettings.class)
class WorklistConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(WorklistConfiguration.class);

	private static final List<String> COLUMNS = List.of("cycle", "key_id", "alias", "environment", "decision",
			"findings", "evidence", "recipients", "due_date");

	/**
	 * The answer that stands, the item's status ({@code open}, {@code answered},
	 * {@code defaulted}, then its action {@code done} or {@code overdue}) and the night
	 * its action was seen done; a reviewer fills in {@code answer}, {@code reason} and
	 * {@code answered_by} and drops the file into {@code answers/}.
	 */
	private static final List<String> ANSWER_COLUMNS = List.of("answer", "reason", "answered_by", "answered_at",
			"channel", "status", "closed_on");

	@Bean
	Step buildWorklist(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WorklistBuilder builder, WorklistItems items) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			Cycle cycle = cycle(chunkContext);
			items.clear(cycle);
			long[] built = new long[2];
			builder.build(cycle, (page) -> {
				items.add(cycle, page);
				built[0] += page.size();
				built[1] += page.stream().filter((item) -> item.decision() != Decision.KEEP).count();
			});
			contribution.incrementWriteCount(built[0]);
			logger.info("buildWorklist: {} key(s) on the {} work list, {} needing a decision", built[0], cycle.name(),
					built[1]);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step exportWorklist(JobRepository jobRepository, PlatformTransactionManager transactionManager, WorklistItems items,
			KeyreviewProperties properties) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			contribution.incrementWriteCount(export(cycle(chunkContext), items, properties));
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * Writes again the work lists of the cycles still followed up (due at most
	 * {@code default-after} plus 31 days ago) and of those answered tonight, so that each
	 * shows its answers and the state of their actions.
	 */
	@Bean
	Step exportOpenWorklists(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, WorklistItems items, ReviewSettings settings, KeyreviewProperties properties) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate runDate = RunDate.of(chunkContext);
			for (String cycle : jdbc.queryForList("""
					SELECT DISTINCT cycle FROM worklist_item WHERE due_date >= ? AND cycle NOT LIKE 'events-%'
					UNION SELECT DISTINCT cycle FROM review_answer WHERE recorded_on = ?""", String.class,
					settings.followedFrom(runDate), runDate)) {
				contribution.incrementWriteCount(export(Cycle.named(cycle), items, properties));
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	ReviewCompletion reviewCompletion(JdbcTemplate jdbc) {
		return new ReviewCompletion(jdbc);
	}

	/**
	 * Writes the completion report of each cycle still followed up (due at most
	 * {@code default-after} plus 31 days ago), so each stays current while it is open and
	 * shows its defaults once it closed.
	 */
	@Bean
	Step reportReviews(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReviewCompletion completion, WorklistItems items, ReviewSettings settings, KeyreviewProperties properties) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate earliestDue = settings.followedFrom(RunDate.of(chunkContext));
			for (Cycle cycle : items.cyclesDueFrom(earliestDue)) {
				ReviewCompletion.Summary summary = completion.write(cycle, properties.out().resolve("reports"));
				contribution.incrementWriteCount(1);
				logger.info("reportReviews: {}", summary);
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	private static long export(Cycle cycle, WorklistItems items, KeyreviewProperties properties) {
		Path file = properties.out().resolve("worklists").resolve("worklist-" + cycle.name() + ".csv");
		List<String> header = new ArrayList<>(COLUMNS);
		header.addAll(cycle.kind().detailColumns());
		header.addAll(ANSWER_COLUMNS);
		long rows = CsvExport.write(file, header.toArray(String[]::new), (csv) -> {
			items.forEachWithAnswer(cycle, (item, answer) -> {
				List<Object> cells = new ArrayList<>(List.of(cycle.name(), item.keyId(), text(item.alias()),
						text(item.environment()), item.decision().code(), item.ruleIds(),
						item.findings()
							.stream()
							.map((finding) -> finding.ruleId() + ": " + finding.evidence())
							.collect(Collectors.joining(" | ")),
						WorklistItems.recipientsText(item.recipients()), item.dueDate()));
				cycle.kind().detailColumns().forEach((column) -> cells.add(item.details().get(column)));
				if (answer != null) {
					cells.addAll(List.of(answer.decision(), text(answer.reason()), answer.answeredBy(),
							answer.answeredAt(), answer.channel(), answer.status(), text(answer.closedOn())));
				}
				else {
					cells.addAll(List.of("", "", "", "", "", "open", ""));
				}
				csv.add(cells.toArray());
			});
		});
		logger.info("exportWorklist: {} row(s) written to {}", rows, file);
		return rows;
	}

	private static Cycle cycle(ChunkContext chunkContext) {
		return Cycle.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
	}

	private static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

}
