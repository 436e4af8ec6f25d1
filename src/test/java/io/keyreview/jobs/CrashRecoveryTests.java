package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.keyreview.support.ForkedKeyreview;
import io.keyreview.support.MySqlTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly in a process of its own on MySQL or MariaDB, killed (SIGKILL) or stopped
 * (SIGTERM) in the middle of a step, or started twice: the next run of the same command
 * finds what the dead one left, resumes, and ends with the tables of an uninterrupted
 * run.
 */
@ExtendWith(MySqlTestDatabase.class)
class CrashRecoveryTests {

	private static final String DATABASE = "crash";

	private static final Path WORK = Path.of("target/test-work/crash");

	private static final Path INPUTS = WORK.resolve("inputs");

	private static final Path OUT = WORK.resolve("out");

	private static final Duration PATIENCE = Duration.ofSeconds(120);

	private static final Duration POLL = Duration.ofMillis(10);

	private static Map<String, List<String>> uninterrupted;

	private static String uninterruptedRegister;

	private final List<Process> started = new ArrayList<>();

	private JdbcTemplate jdbc;

	@BeforeAll
	static void generateInputs() throws IOException {
		FileSystemUtils.deleteRecursively(WORK);
		FileSystemUtils.copyRecursively(Path.of("src/test/resources/nightly/basic"), INPUTS);
		Random random = new Random(7);
		StringBuilder keys = new StringBuilder("key_id,alias,status,environment,owner,owner_type,created_at\n");
		for (int i = 0; i < 600; i++) {
			keys.append("load-key-")
				.append(i)
				.append(",load ")
				.append(i)
				.append(",active,production,team_a,")
				.append("service_account,2026-01-0")
				.append(1 + i % 9)
				.append('\n');
		}
		Files.writeString(INPUTS.resolve("keys/load.csv"), keys);
		StringBuilder usage = new StringBuilder("key_id,timestamp,route,model,provider,requests,cost_usd\n");
		for (int i = 0; i < 10_000; i++) {
			usage.append("load-key-")
				.append(random.nextInt(600))
				.append(",2026-11-")
				.append(String.format("%02d", 1 + random.nextInt(20)))
				.append("T10:00:00Z,support-prod,gpt-4o-mini,openai,")
				.append(1 + random.nextInt(5))
				.append(",0.00")
				.append(1 + random.nextInt(9))
				.append('\n');
		}
		Files.writeString(INPUTS.resolve("usage/load.csv"), usage);
	}

	@BeforeEach
	void connectToTheTestDatabase() {
		Map<String, String> datasource = MySqlTestDatabase.datasource(DATABASE);
		this.jdbc = new JdbcTemplate(new DriverManagerDataSource(datasource.get("spring.datasource.url"),
				datasource.get("spring.datasource.username"), datasource.get("spring.datasource.password")));
	}

	@ParameterizedTest(name = "killed in {0} after {1} committed chunk(s)")
	@CsvSource({ "loadUsage, 5", "reconcileRegister, 2" })
	void aRunKilledInTheMiddleOfAStepIsRecoveredAndResumedByTheNextRun(String step, int commits) throws Exception {
		expectUninterruptedResult();
		Process nightly = nightly("killed-in-" + step);
		await(() -> committed(step) >= commits, nightly);
		nightly.destroyForcibly().waitFor();
		assertThat(jobStatus()).isEqualTo("STARTED");

		assertThat(exitCode(nightly("rerun-after-" + step))).isZero();

		assertThat(log("rerun-after-" + step)).contains("was left STARTED by a run that is gone; marking it failed");
		assertSameAsUninterrupted();
	}

	@Test
	void sigtermStopsTheRunAtAChunkBoundaryAndTheNextRunResumesIt() throws Exception {
		expectUninterruptedResult();
		Process nightly = nightly("terminated");
		await(() -> committed("loadUsage") >= 5, nightly);
		nightly.destroy();
		assertThat(nightly.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(jobStatus()).isEqualTo("STOPPED");
		assertThat(this.jdbc.queryForObject("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'loadUsage'",
				String.class))
			.isEqualTo("STOPPED");
		assertThat(log("terminated")).contains("Asked to stop: the job stops at its next chunk boundary");

		assertThat(exitCode(nightly("resumed"))).isZero();

		assertSameAsUninterrupted();
	}

	@Test
	void ofTwoProcessesStartedAtOnceOneRunsAndTheOtherExitsThreeChangingNothing() throws Exception {
		expectUninterruptedResult();
		Process first = nightly("first");
		Process second = nightly("second");

		List<Integer> exitCodes = List.of(exitCode(first), exitCode(second));

		assertThat(exitCodes).containsExactlyInAnyOrder(0, 3);
		assertThat(log((exitCodes.get(0) == 3) ? "first" : "second"))
			.contains("Another nightlyJob run is in progress; this one changes nothing.");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(1);
		assertSameAsUninterrupted();
	}

	@Test
	void aRunKilledWhileSendingMailSendsEveryDigestExactlyOnceWhenResumed() throws Exception {
		expectUninterruptedResult();
		assertThat(exitCode(nightly("before-monthly"))).isZero();
		try (SmtpStub smtp = new SmtpStub()) {
			smtp.holdMessage(2);
			Process monthly = monthly("killed-mailing", smtp);
			smtp.awaitHolding();
			monthly.destroyForcibly().waitFor();
			assertThat(smtp.accepted()).hasSize(1);
			smtp.holdMessage(0);

			assertThat(exitCode(monthly("rerun-mailing", smtp))).isZero();

			List<String> sent = this.jdbc.queryForList(
					"SELECT message_id FROM mail_outbox WHERE cycle = '2026-11' AND sent_at IS NOT NULL", String.class);
			assertThat(sent).hasSize(3);
			assertThat(smtp.accepted()).as("every digest accepted exactly once")
				.containsExactlyInAnyOrderElementsOf(sent);
			assertThat(log("rerun-mailing")).contains("was left STARTED by a run that is gone");
		}
	}

	@AfterEach
	void stopWhatATestLeftRunning() throws InterruptedException {
		for (Process process : this.started) {
			process.destroyForcibly().waitFor();
		}
	}

	/**
	 * Runs the nightly once without interruption and keeps what it left, then starts
	 * afresh.
	 */
	private void expectUninterruptedResult() throws Exception {
		if (uninterrupted == null) {
			reset();
			assertThat(exitCode(nightly("uninterrupted"))).isZero();
			uninterrupted = JobTestSupport.applicationTables(this.jdbc);
			uninterruptedRegister = Files.readString(OUT.resolve("register/register-2026-11-21.csv"));
		}
		reset();
	}

	private void reset() {
		MySqlTestDatabase.recreate(DATABASE);
		FileSystemUtils.deleteRecursively(OUT.toFile());
	}

	private void assertSameAsUninterrupted() throws IOException {
		assertThat(JobTestSupport.applicationTables(this.jdbc)).isEqualTo(uninterrupted);
		assertThat(OUT.resolve("register/register-2026-11-21.csv")).hasContent(uninterruptedRegister);
		assertThat(jobStatus()).isEqualTo("COMPLETED");
	}

	private Process nightly(String name) throws IOException {
		return start(name, "nightly", "--date=2026-11-21");
	}

	/**
	 * The monthly, sending over one connection, so that the message held is the second in
	 * delivery order and the kill finds exactly one accepted.
	 */
	private Process monthly(String name, SmtpStub smtp) throws IOException {
		return start(name, "monthly", "--period=2026-11", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.port(), "--keyreview.mail.retries=0", "--keyreview.mail.connections=1");
	}

	private Process start(String name, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(arguments));
		command.addAll(List.of("--keyreview.inputs=" + INPUTS, "--keyreview.out=" + OUT, "--keyreview.chunk-size=50",
				"--keyreview.usage.chunk-size=50", "--keyreview.progress-interval=0s"));
		MySqlTestDatabase.datasource(DATABASE).forEach((key, value) -> command.add("--" + key + "=" + value));
		Process process = ForkedKeyreview.start(WORK.resolve(name + ".log"), command);
		this.started.add(process);
		return process;
	}

	private static int exitCode(Process process) throws InterruptedException {
		assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the run ends").isTrue();
		return process.exitValue();
	}

	private static String log(String name) throws IOException {
		return Files.readString(WORK.resolve(name + ".log"));
	}

	/**
	 * Polls the job repository until the process reaches the point; fails if it ends
	 * first.
	 */
	private static void await(BooleanSupplier reached, Process process) throws InterruptedException {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (!reached.getAsBoolean()) {
			assertThat(process.isAlive()).as("the run is still going").isTrue();
			assertThat(Instant.now()).as("the run reached the point in time").isBefore(deadline);
			LockSupport.parkNanos(POLL.toNanos());
		}
	}

	private long committed(String step) {
		List<Long> commits;
		try {
			commits = this.jdbc.queryForList(
					"SELECT COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? AND STATUS = 'STARTED'",
					Long.class, step);
		}
		catch (BadSqlGrammarException ex) {
			return 0; // the run has not created its tables yet
		}
		return commits.isEmpty() ? 0 : commits.get(0);
	}

	private String jobStatus() {
		return this.jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1",
				String.class);
	}

}
