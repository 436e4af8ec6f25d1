package io.keyreview.mail;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.keyreview.support.BoundedExecutors;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.run.Cycle;
import io.keyreview.worklist.ReviewSettings;
import io.keyreview.worklist.WorklistItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The digests of a cycle: composed into the outbox in one transaction, a page of
 * addressees at a time, then delivered a batch per transaction
 * ({@code keyreview.mail.batch-size}) over {@code keyreview.mail.connections} connections
 * at once, each message marked sent in its own, through SMTP when
 * {@code spring.mail.host} is set and as {@code .eml} files under {@code <out>/mail/}
 * otherwise; a message that can never be delivered is parked (counted as filtered) and
 * the others go on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MailConfiguration.class);

	/**
	 * The threads that send a batch over several connections; they end when delivery is
	 * done.
	 */
	@Bean
	ThreadPoolTaskExecutor mailSenders(MailSettings settings) {
		return BoundedExecutors.of(settings.connections(), "mail-");
	}

	@Bean
	MailDelivery mailDelivery(Outbox outbox, MailSettings settings, ReviewSettings reviewSettings, Clock clock,
			ObjectProvider<JavaMailSenderImpl> smtp, KeyreviewProperties properties,
			@Qualifier("mailSenders") ThreadPoolTaskExecutor mailSenders) {
		JavaMailSenderImpl sender = smtp.getIfAvailable();
		MailTransport transport = (sender != null) ? new SmtpTransport(sender, settings)
				: new FileTransport(properties.out().resolve("mail"));
		return new MailDelivery(outbox, transport, settings, Sender.of(settings, reviewSettings.security()),
				reviewSettings.security(), clock, mailSenders);
	}

	@Bean
	Step composeDigests(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WorklistItems worklist, Outbox outbox, MailSettings settings) {
		DigestComposer composer = new DigestComposer(settings);
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			Cycle cycle = Cycle.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
			AtomicLong digests = new AtomicLong();
			worklist.byAddressee(cycle, (page) -> {
				List<OutboxMessage> composed = page.stream().map((digest) -> composer.compose(cycle, digest)).toList();
				contribution.incrementWriteCount(outbox.addNew(composed, cycle.lastDay()));
				digests.addAndGet(composed.size());
			});
			logger.info("composeDigests: {} digest(s) for {} in the outbox", digests, cycle.name());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step deliverMail(JobRepository jobRepository, PlatformTransactionManager transactionManager, MailDelivery delivery,
			Outbox outbox) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			MailDelivery.Batch batch = delivery.deliverBatch();
			contribution.incrementWriteCount(batch.sent());
			contribution.incrementFilterCount(batch.parked());
			if (batch.more()) {
				return RepeatStatus.CONTINUABLE;
			}
			delivery.tellSecurityOfParked();
			StepExecution step = chunkContext.getStepContext().getStepExecution();
			logger.info("deliverMail: {} message(s) delivered, {} parked, {} left in the outbox", step.getWriteCount(),
					step.getFilterCount(), outbox.unsentCount());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
