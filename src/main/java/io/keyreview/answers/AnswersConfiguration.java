package io.keyreview.answers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import io.keyreview.intake.CsvRow;
import io.keyreview.intake.InputSource;
import io.keyreview.intake.LoadSteps;
import io.keyreview.worklist.ReviewSettings;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records tonight's answers from filled-in work lists ({@code answers/*.csv}), landed and
 * loaded like every input: a row that cannot be recorded is rejected with its reason.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnswersSettings.class)
class AnswersConfiguration {

	private static final Map<String, Integer> MAX_LENGTHS = Map.of("cycle", 30, "key_id", 128, "answer", 20,
			"answered_by", 300, "reason", 2000);

	@Bean
	AnswerLinks answerLinks(AnswersSettings settings) {
		return new AnswerLinks(settings.address(), AnswerToken.of(settings).orElse(null));
	}

	@Bean
	Answers answers(JdbcTemplate jdbc) {
		return new Answers(jdbc);
	}

	@Bean
	ActionTracking actionTracking(JdbcTemplate jdbc, ReviewSettings settings) {
		return new ActionTracking(jdbc, settings);
	}

	@Bean
	AnswerCheck answerCheck(JdbcTemplate jdbc, ReviewSettings settings) {
		return new AnswerCheck(jdbc, settings);
	}

	@Bean
	@StepScope
	MultiResourceItemReader<CsvRow> answersReader(LoadSteps loadSteps,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return loadSteps.csvReader(InputSource.ANSWERS, runDate, Set.of("cycle", "key_id", "answered_by"), MAX_LENGTHS);
	}

	@Bean
	@StepScope
	AnswerFileProcessor answerFileProcessor(AnswerCheck answerCheck, Clock clock,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new AnswerFileProcessor(answerCheck, runDate, clock);
	}

	@Bean
	@StepScope
	AnswerWriter answerWriter(Answers answers, @Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return new AnswerWriter(answers, runDate);
	}

	@Bean
	Step loadAnswers(LoadSteps loadSteps, MultiResourceItemReader<CsvRow> answersReader,
			AnswerFileProcessor answerFileProcessor, AnswerWriter answerWriter) {
		return loadSteps.load(InputSource.ANSWERS, answersReader, answerFileProcessor, answerWriter,
				"DELETE FROM review_answer WHERE recorded_on = ? AND channel = 'file'");
	}

}
