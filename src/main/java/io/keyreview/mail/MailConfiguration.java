package io.keyreview.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.keyreview.support.BoundedExecutors;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.answers.ActionTracking;
import io.keyreview.answers.AnswerCheck;
import io.keyreview.answers.AnswerLinks;
import io.keyreview.answers.Answers;
import io.keyreview.answers.AnswersSettings;
import io.keyreview.offboarding.OffboardingReport;
import io.keyreview.policy.Directories;
import io.keyreview.remediation.Remediation;
import io.keyreview.review.ReviewRegister;
import io.keyreview.run.Cycle;
import io.keyreview.run.RunDate;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
	MailDelivery mailDelivery(Outbox outbox, MailSettings settings, ReviewSettings reviewSettings,
			AnswersSettings answersSettings, Clock clock, ObjectProvider<JavaMailSenderImpl> smtp,
			KeyreviewProperties properties, @Qualifier("mailSenders") ThreadPoolTaskExecutor mailSenders) {
		JavaMailSenderImpl sender = smtp.getIfAvailable();
		MailTransport transport = (sender != null) ? new SmtpTransport(sender, settings)
				: new FileTransport(properties.out().resolve("mail"));
		String replyTo = (answersSettings.address() != null && !answersSettings.address().isBlank())
				? answersSettings.address() : reviewSettings.security();
		return new MailDelivery(outbox, transport, settings, Sender.of(settings, replyTo), reviewSettings.security(),
				clock, mailSenders);
	}

	/**
	 * Reminds, escalates and applies the no-answer default for open cycles
	 * (ReviewFollowUp).
	 */
	@Bean
	Step followUpReviews(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			WorklistItems worklist, Outbox outbox, MailSettings settings, AnswerLinks answerLinks, Answers answers,
			ReviewSettings reviewSettings, Clock clock) {
		ReviewFollowUp followUp = new ReviewFollowUp(jdbc, worklist, outbox, new DigestComposer(settings, answerLinks),
				answers, reviewSettings, clock);
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			ReviewFollowUp.Done done = followUp.followUp(RunDate.of(chunkContext));
			contribution.incrementWriteCount(done.reminders() + done.escalations() + done.defaults());
			logger.info("followUpReviews: {} reminder(s), {} escalation(s), {} no-answer default(s)", done.reminders(),
					done.escalations(), done.defaults());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * Tracks each standing answer's action to closure (ActionTracking); the security
	 * owner hears once of each action that became overdue.
	 */
	@Bean
	Step trackActions(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ActionTracking tracking, Outbox outbox, MailSettings settings, ReviewSettings reviewSettings) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate today = RunDate.of(chunkContext);
			ActionTracking.Tracked tracked = tracking.track(today);
			outbox.addNew(tracked.overdue()
				.stream()
				.map((overdue) -> OverdueNotice.of(overdue, reviewSettings.security(), settings.domain()))
				.toList(), today);
			contribution.incrementWriteCount(tracked.started() + tracked.done() + tracked.overdue().size());
			logger.info("trackActions: {} action(s) started, {} done, {} overdue tonight", tracked.started(),
					tracked.done(), tracked.overdue().size());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * Writes tonight's remediation plan (Remediation); the security owner is mailed it
	 * when it is above the cap.
	 */
	@Bean
	Step planRemediation(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Remediation remediation, Outbox outbox, MailSettings settings, ReviewSettings reviewSettings) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate today = RunDate.of(chunkContext);
			Remediation.Plan plan = remediation.plan(today);
			plan.capped().ifPresent((notice) -> addNotice(outbox, notice, reviewSettings, settings, today));
			contribution.incrementWriteCount(plan.rows());
			logger.info("planRemediation: {} request(s) planned, {} to send{}", plan.rows(), plan.toSend(),
					plan.capped().isPresent() ? ": above the cap, nothing is sent" : "");
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * Sends tonight's planned requests when keyreview.remediation.apply is set, each
	 * proven by a readback; the security owner hears of what was not done.
	 */
	@Bean
	Step remediate(JobRepository jobRepository, PlatformTransactionManager transactionManager, Remediation remediation,
			Outbox outbox, MailSettings settings, ReviewSettings reviewSettings) {
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate today = RunDate.of(chunkContext);
			Remediation.Applied applied = remediation.apply(today);
			applied.notice(today).ifPresent((notice) -> addNotice(outbox, notice, reviewSettings, settings, today));
			contribution.incrementWriteCount(applied.done());
			logger.info("remediate: {} request(s) sent, {} action(s) done, {} not done", applied.sent(), applied.done(),
					applied.notDone().size());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	private static void addNotice(Outbox outbox, Remediation.Notice notice, ReviewSettings reviewSettings,
			MailSettings settings, LocalDate today) {
		outbox.addNew(List.of(OutboxMessage.notice(
				OutboxMessage.messageId(notice.name(), reviewSettings.security(), settings.domain()), "events-" + today,
				reviewSettings.security(), notice.subject(), notice.text())), today);
	}

	/**
	 * Tells owners ahead of a policy exception's or a key's expiry date (ExpiryNotices).
	 */
	@Bean
	Step noticeExpiries(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReviewRegister register, Directories directories, Outbox outbox, MailSettings settings,
			ReviewSettings reviewSettings) {
		ExpiryNotices notices = new ExpiryNotices(register, directories, reviewSettings, settings.domain());
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			LocalDate today = RunDate.of(chunkContext);
			int added = outbox.addNew(notices.due(today), today);
			contribution.incrementWriteCount(added);
			logger.info("noticeExpiries: {} expiry notice(s) in the outbox", added);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step composeDigests(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			WorklistItems worklist, Outbox outbox, MailSettings settings, AnswerLinks answerLinks,
			ReviewSettings reviewSettings) {
		DigestComposer composer = new DigestComposer(settings, answerLinks);
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			StepExecution step = chunkContext.getStepContext().getStepExecution();
			Cycle cycle = Cycle.of(step.getJobParameters());
			String offboarding = step.getJobExecution()
				.getExecutionContext()
				.getString(OffboardingReport.SUMMARY, null);
			String securityNote = (offboarding != null) ? "Offboarding test of " + cycle.name() + ": " + offboarding
					+ " (reports/offboarding-" + cycle.name() + ".csv)." : null;
			AtomicLong digests = new AtomicLong();
			AtomicBoolean securityMailed = new AtomicBoolean();
			worklist.byAddressee(cycle, (page) -> {
				List<OutboxMessage> composed = page.stream().map((digest) -> {
					boolean security = digest.addressee().to().equalsIgnoreCase(reviewSettings.security());
					securityMailed.compareAndSet(false, security);
					return composer.compose(cycle, digest, security ? securityNote : null);
				}).toList();
				contribution.incrementWriteCount(outbox.addNew(composed, cycle.lastDay()));
				digests.addAndGet(composed.size());
			});
			if (securityNote != null && !securityMailed.get()) {
				outbox.addNew(List.of(OutboxMessage.notice(
						OutboxMessage.messageId("offboarding." + cycle.name(), reviewSettings.security(),
								settings.domain()),
						cycle.name(), reviewSettings.security(), "[keyreview] Offboarding test " + cycle.name(),
						securityNote + "\n\n-- keyreview, the AI API access review\n")), cycle.lastDay());
			}
			logger.info("composeDigests: {} digest(s) for {} in the outbox", digests, cycle.name());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * Reads the answers mailbox (AnswerMailbox); one that cannot be reached leaves the
	 * rest of the night to run, and the run ends with exit code 4.
	 */
	@Bean
	Step readAnswerMail(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AnswersSettings answersSettings, AnswerLinks links, AnswerCheck check, Answers answers, Outbox outbox,
			JdbcTemplate jdbc, MailSettings settings, Clock clock) {
		TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		AnswerMailbox mailbox = new AnswerMailbox(answersSettings.mailbox(), links, check, answers,
				new Receipts(outbox, jdbc, settings), outbox, ownTransaction, clock);
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			if (!answersSettings.mailbox().configured()) {
				logger.info("readAnswerMail: no answers mailbox is set (keyreview.answers.mailbox.host): answers "
						+ "come from answers/ files only");
				return RepeatStatus.FINISHED;
			}
			if (!links.enabled()) {
				logger.warn("readAnswerMail: the answers mailbox is set but not keyreview.answers.address and the "
						+ "answers secret (KEYREVIEW_ANSWERS_SECRET): its messages stay unread");
				return RepeatStatus.FINISHED;
			}
			try {
				AnswerMailbox.Read read = mailbox.read(RunDate.of(chunkContext));
				contribution.incrementWriteCount(read.recorded());
				contribution.incrementFilterCount(read.refused());
				logger.info("readAnswerMail: {} answer(s) recorded from {}, {} message(s) refused", read.recorded(),
						answersSettings.mailbox(), read.refused());
			}
			catch (AnswerMailbox.Unreachable ex) {
				logger.error("readAnswerMail: {}", ex.getMessage());
				logger.debug("Failure", ex);
				chunkContext.getStepContext()
					.getStepExecution()
					.getJobExecution()
					.getExecutionContext()
					.put(MailDelivery.ANSWERS_MAILBOX_UNREACHABLE, true);
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/** Copies tonight's notable answers to the security owner (NotableAnswers). */
	@Bean
	Step copyNotableAnswers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc, AnswerCheck check, Outbox outbox, MailSettings settings, ReviewSettings reviewSettings) {
		NotableAnswers notable = new NotableAnswers(jdbc, check, outbox, reviewSettings.security(), settings.domain());
		return new StepBuilder(jobRepository).tasklet((contribution, chunkContext) -> {
			int copies = notable.copy(RunDate.of(chunkContext));
			contribution.incrementWriteCount(copies);
			logger.info("copyNotableAnswers: {} answer(s) copied to the security owner", copies);
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
			logger.info("deliverMail: {} message(s) delivered, {} parked, {} left in the outbox",
					step.getWriteCount() + contribution.getWriteCount(),
					step.getFilterCount() + contribution.getFilterCount(), outbox.unsentCount());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
