package io.keyreview.run;

import java.time.Duration;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * One log line per step end, with the step's counts as key-value pairs, which structured
 * (JSON) logging turns into fields. Chunk steps log theirs through {@link StepProgress};
 * this adds the line to every tasklet step.
 */
@Component
class StepEndLog implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(StepEndLog.class);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof TaskletStep step) {
			step.registerStepExecutionListener(new StepExecutionListener() {
				@Override
				public @Nullable ExitStatus afterStep(StepExecution execution) {
					double seconds = seconds(execution.getStartTime(), execution.getLastUpdated());
					log(logger, execution.getStepName() + ": written " + execution.getWriteCount() + " in " + seconds
							+ " s [" + execution.getStatus() + "]", execution, seconds);
					return null;
				}
			});
		}
		return bean;
	}

	static void log(Logger logger, String message, StepExecution execution, double seconds) {
		logger.atInfo()
			.setMessage(message)
			.addKeyValue("step", execution.getStepName())
			.addKeyValue("status", execution.getStatus().name())
			.addKeyValue("read", execution.getReadCount() + execution.getReadSkipCount())
			.addKeyValue("written", execution.getWriteCount())
			.addKeyValue("rejected", execution.getSkipCount())
			.addKeyValue("commits", execution.getCommitCount())
			.addKeyValue("seconds", seconds)
			.log();
	}

	private static double seconds(@Nullable LocalDateTime start, @Nullable LocalDateTime end) {
		return (start != null && end != null) ? Duration.between(start, end).toMillis() / 1000.0 : 0;
	}

}
