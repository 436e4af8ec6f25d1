package io.keyreview.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Delivery of the outbox a batch at a time, inside a transaction as the deliverMail step
 * runs it, on the embedded database.
 */
class MailDeliveryTests {

	private static final LocalDate CYCLE_END = LocalDate.parse("2026-11-30");

	private final JdbcTemplate jdbc = new JdbcTemplate(database());

	private final DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(
			this.jdbc.getDataSource());

	private final TransactionTemplate batchTransaction = new TransactionTemplate(this.transactionManager);

	private final RecordingTransport transport = new RecordingTransport();

	private final ExecutorService senders = Executors.newFixedThreadPool(3);

	private final Outbox outbox = new Outbox(this.jdbc, this.transactionManager);

	@BeforeEach
	void fiveMessagesOneOfWhichFailedBefore() {
		this.outbox.addNew(List.of(message("a"), message("b"), message("c")), CYCLE_END);
		this.outbox.addNew(List.of(message("d"), message("e")), CYCLE_END.minusDays(1));
		this.outbox.recordFailure(id("d"), 1, "421 try again later");
	}

	@Test
	void sendsTheOutboxInBatchesOldestFirstAndWhatFailedBeforeLastOneConnectionPerBatch() {
		MailDelivery delivery = delivery(this.outbox, 2);

		List<MailDelivery.Batch> batches = List.of(deliverBatch(delivery), deliverBatch(delivery),
				deliverBatch(delivery));

		assertThat(batches).containsExactly(new MailDelivery.Batch(2, 0, true), new MailDelivery.Batch(2, 0, true),
				new MailDelivery.Batch(1, 0, false));
		assertThat(this.transport.sent).containsExactly(id("e"), id("a"), id("b"), id("c"), id("d"));
		assertThat(this.transport.connections).hasValue(3);
		assertThat(unsent()).isZero();
	}

	@AfterEach
	void stopSenders() {
		this.senders.shutdownNow();
	}

	@Test
	void sendsABatchOverSeveralConnectionsAtOnceEachMessageOnceInDeliveryOrderPerConnection() {
		MailDelivery delivery = delivery(this.outbox, 5, 3);

		assertThat(deliverBatch(delivery)).isEqualTo(new MailDelivery.Batch(5, 0, true));
		assertThat(deliverBatch(delivery)).isEqualTo(new MailDelivery.Batch(0, 0, false));

		assertThat(this.transport.sent).containsExactlyInAnyOrder(id("e"), id("a"), id("b"), id("c"), id("d"));
		assertThat(this.transport.byConnection).containsExactlyInAnyOrder(List.of(id("e"), id("c")),
				List.of(id("a"), id("d")), List.of(id("b")));
		assertThat(this.transport.threads).as("threads that sent").hasSize(3);
		assertThat(unsent()).isZero();
	}

	@Test
	void aConnectionThatFailsLetsTheOthersFinishAndEachMessageIsSentExactlyOnceWhenResumed() {
		Outbox failingAtMessageB = new Outbox(this.jdbc, this.transactionManager) {

			@Override
			OutboxMessage message(String messageId) {
				if (messageId.equals(id("b"))) {
					throw new DataAccessResourceFailureException("the database went away");
				}
				return super.message(messageId);
			}

		};

		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> deliverBatch(delivery(failingAtMessageB, 5, 2)));

		assertThat(this.transport.sent).as("e, b, d over one connection; a, c over the other")
			.containsExactlyInAnyOrder(id("e"), id("a"), id("c"));
		assertThat(this.jdbc.queryForList("SELECT message_id FROM mail_outbox WHERE sent_at IS NOT NULL", String.class))
			.containsExactlyInAnyOrder(id("e"), id("a"), id("c"));

		assertThat(deliverBatch(delivery(this.outbox, 5, 2))).isEqualTo(new MailDelivery.Batch(2, 0, false));

		assertThat(this.transport.sent).containsExactlyInAnyOrder(id("e"), id("a"), id("b"), id("c"), id("d"));
		assertThat(unsent()).isZero();
	}

	@Test
	void aFailureInTheMiddleOfABatchSendsEachMessageExactlyOnceWhenResumed() {
		Outbox failingAtTheThirdMessage = new Outbox(this.jdbc, this.transactionManager) {

			private int read;

			@Override
			OutboxMessage message(String messageId) {
				if (++this.read == 3) {
					throw new DataAccessResourceFailureException("the database went away");
				}
				return super.message(messageId);
			}

		};

		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> deliverBatch(delivery(failingAtTheThirdMessage, 5)));

		assertThat(this.transport.sent).containsExactly(id("e"), id("a"));
		assertThat(this.jdbc.queryForList("SELECT message_id FROM mail_outbox WHERE sent_at IS NOT NULL", String.class))
			.as("marked sent although the batch's transaction rolled back")
			.containsExactlyInAnyOrder(id("e"), id("a"));

		assertThat(deliverBatch(delivery(this.outbox, 5))).isEqualTo(new MailDelivery.Batch(3, 0, false));

		assertThat(this.transport.sent).containsExactly(id("e"), id("a"), id("b"), id("c"), id("d"));
		assertThat(unsent()).isZero();
	}

	private MailDelivery.Batch deliverBatch(MailDelivery delivery) {
		return this.batchTransaction.execute((status) -> delivery.deliverBatch());
	}

	private MailDelivery delivery(Outbox outbox, int batchSize) {
		return delivery(outbox, batchSize, 1);
	}

	private MailDelivery delivery(Outbox outbox, int batchSize, int connections) {
		MailSettings settings = new MailSettings("keyreview@example.com", 0, Duration.ZERO, Duration.ZERO, "keyreview",
				null, "keyreview.example.org", batchSize, connections);
		return new MailDelivery(outbox, this.transport, settings, Sender.of(settings, "security@example.com"),
				"security@example.com", Clock.fixed(Instant.parse("2026-12-01T06:00:00Z"), ZoneOffset.UTC),
				this.senders);
	}

	private long unsent() {
		return this.outbox.unsentCount();
	}

	private static OutboxMessage message(String name) {
		return new OutboxMessage(id(name), "2026-11", name + "@example.com", null, "[keyreview] " + name, "text",
				"<p>html</p>");
	}

	private static String id(String name) {
		return "<keyreview.2026-11." + name + "@example.com>";
	}

	private static JdbcDataSource database() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		return dataSource;
	}

	/**
	 * Remembers what it was given to send, over which connection and on which thread, and
	 * how many connections were asked for.
	 */
	private static final class RecordingTransport implements MailTransport {

		private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

		private final List<List<String>> byConnection = Collections.synchronizedList(new ArrayList<>());

		private final Set<String> threads = ConcurrentHashMap.newKeySet();

		private final AtomicInteger connections = new AtomicInteger();

		@Override
		public Connection connect() {
			this.connections.incrementAndGet();
			List<String> sentHere = Collections.synchronizedList(new ArrayList<>());
			this.byConnection.add(sentHere);
			return (message, sender) -> {
				this.threads.add(Thread.currentThread().getName());
				sentHere.add(message.messageId());
				this.sent.add(message.messageId());
			};
		}

	}

}
