package io.keyreview.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Times the nightly, monthly and quarterly jobs on a generated drop against
 * {@code LOAD DATA LOCAL INFILE} of the same usage files, on a MySQL/MariaDB server, as
 * {@code jobs/benchmark.md} describes:
 * {@code ./mvnw -Pbenchmark verify -Dbenchmark.size=S}.
 * <p>
 * It generates the drop under {@code target/benchmark/<size>/drop}, creates a database of
 * its own ({@code keyreview_bench_<epoch>}), times {@code LOAD DATA LOCAL INFILE} of each
 * usage file into a plain table with the usage file's columns and no index, then runs the
 * packaged jar in a JVM of its own with {@code -Xmx512m} and a GC log, as production does
 * (MySQL, SMTP: a server in this JVM), for the nightly of the run date and the monthly
 * and quarterly of the period holding it. Per job it reads each step's counts and times
 * from Spring Batch's tables, prints a markdown table and writes it to
 * {@code target/benchmark/<size>-result.md}; the database is dropped at the end.
 * <p>
 * Settings ({@code -D}): {@code benchmark.size} ({@code S}, {@code M}, {@code L} or
 * {@code keys:people:usage}), {@code benchmark.seed}, {@code benchmark.date},
 * {@code benchmark.jobs} (default {@code nightly,monthly,quarterly}),
 * {@code benchmark.url} (default {@code jdbc:mysql://127.0.0.1:3306}),
 * {@code benchmark.user} ({@code root}), {@code benchmark.password} (empty),
 * {@code benchmark.jar} ({@code target/keyreview.jar}), {@code benchmark.heap}
 * ({@code 512m}), {@code benchmark.keep} ({@code true} keeps the database),
 * {@code benchmark.smtp} ({@code greenmail}, or {@code stub}: see {@link BenchmarkSmtp}).
 */
public final class Benchmark {

	private static final Path ROOT = Path.of("target/benchmark");

	private static final String PLAIN_TABLE = """
			CREATE TABLE load_data_usage (key_id VARCHAR(128), `timestamp` VARCHAR(32), route VARCHAR(128),
			  model VARCHAR(128), provider VARCHAR(64), requests BIGINT, input_tokens BIGINT, output_tokens BIGINT,
			  cost_usd DECIMAL(24, 12), failed_requests BIGINT)""";

	private final DropSize size = DropSize.of(setting("size", "S"));

	private final long seed = Long.parseLong(setting("seed", Long.toString(DropGenerator.DEFAULT_SEED)));

	private final LocalDate runDate = LocalDate.parse(setting("date", DropGenerator.DEFAULT_RUN_DATE.toString()));

	private final List<String> jobs = List.of(setting("jobs", "nightly,monthly,quarterly").split(","));

	private final String server = setting("url", "jdbc:mysql://127.0.0.1:3306");

	private final String user = setting("user", "root");

	private final String password = setting("password", "");

	private final Path jar = Path.of(setting("jar", "target/keyreview.jar")).toAbsolutePath();

	private final String heap = setting("heap", "512m");

	private final List<String> javaOptions = List.of(setting("java-options", "").split("\\s+"))
		.stream()
		.filter((option) -> !option.isEmpty())
		.toList();

	private final boolean keep = Boolean.parseBoolean(setting("keep", "false"));

	private final String smtpKind = setting("smtp", "greenmail");

	private final String database = "keyreview_bench_" + Instant.now().getEpochSecond();

	private final Path folder = ROOT.resolve(this.size.name()).toAbsolutePath();

	private final StringBuilder report = new StringBuilder();

	/** Seconds per job and step ({@code nightly/loadUsage}), of this run. */
	private final Map<String, Double> seconds = new LinkedHashMap<>();

	/** The same, of the last run at S: for the ÷ S column of a larger size. */
	private final Map<String, Double> secondsAtS = new LinkedHashMap<>();

	public static void main(String[] args) throws Exception {
		// GreenMail logs each mailbox it creates
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(Level.WARN);
		}
		new Benchmark().run();
	}

	private static String setting(String name, String otherwise) {
		String value = System.getProperty("benchmark." + name);
		return (value == null || value.isBlank()) ? otherwise : value.strip();
	}

	private void run() throws Exception {
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException(this.jar + " does not exist: build it first (./mvnw -Pbenchmark verify)");
		}
		FileSystemUtils.deleteRecursively(this.folder);
		Files.createDirectories(this.folder);
		Path atS = ROOT.resolve("S-result.tsv");
		if (!this.size.equals(DropSize.S) && Files.exists(atS)) {
			for (String row : Files.readAllLines(atS)) {
				String[] cells = row.split("\t");
				this.secondsAtS.put(cells[0], Double.parseDouble(cells[1]));
			}
		}
		line("# keyreview benchmark: %s, run date %s", this.size, this.runDate);
		line("");
		long start = System.nanoTime();
		DropGenerator.Summary drop = DropGenerator.generate(this.folder.resolve("drop"), this.size, this.seed,
				this.runDate);
		double generated = (System.nanoTime() - start) / 1e9;
		try (Connection admin = connect("")) {
			machine(admin);
			line("- drop: `%s`, generated in %.1f s: %s", ROOT.resolve(this.size.name()).resolve("drop"), generated,
					drop);
			line("");
			execute(admin, "CREATE DATABASE " + this.database);
			try (BenchmarkSmtp smtp = BenchmarkSmtp.start(this.smtpKind)) {
				LoadData loadData = loadData(drop);
				Map<String, JobFigures> figures = new LinkedHashMap<>();
				for (String job : this.jobs) {
					figures.put(job, runJob(job.strip(), smtp));
				}
				ratios(loadData, figures);
			}
			finally {
				if (this.keep) {
					System.out.println("kept database " + this.database);
				}
				else {
					execute(admin, "DROP DATABASE " + this.database);
				}
			}
		}
		Path result = ROOT.resolve(this.size.name() + "-result.md");
		Files.writeString(result, this.report);
		StringBuilder tsv = new StringBuilder();
		this.seconds.forEach((step, took) -> tsv.append(step).append('\t').append(took).append('\n'));
		Files.writeString(ROOT.resolve(this.size.name() + "-result.tsv"), tsv);
		System.out.println("\nwritten to " + result);
	}

	// the machine and the server

	private void machine(Connection admin) throws SQLException, IOException {
		String version;
		long bufferPool;
		String flush;
		try (Statement statement = admin.createStatement();
				ResultSet row = statement
					.executeQuery("SELECT VERSION(), @@innodb_buffer_pool_size, @@innodb_flush_log_at_trx_commit")) {
			row.next();
			version = row.getString(1);
			bufferPool = row.getLong(2);
			flush = row.getString(3);
		}
		line("- commit: %s", commit());
		line("- machine: %d cores (%s), %s memory, %s; Java %s", Runtime.getRuntime().availableProcessors(), cpuModel(),
				memory(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
				System.getProperty("java.version"));
		line("- database: %s, innodb_buffer_pool_size %d MiB, innodb_flush_log_at_trx_commit %s, on the server as it is",
				version, bufferPool >> 20, flush);
		line("- load average at the start: %s", loadAverage());
	}

	private static String commit() {
		try {
			String head = command("git", "rev-parse", "--short", "HEAD");
			String application = command("git", "log", "-1", "--format=%h", "--", "src/main", "sql");
			String changes = command("git", "status", "--porcelain", "--", "src/main", "sql", "pom.xml");
			return head + ", application code (src/main, sql) as of " + application
					+ (changes.isEmpty() ? "" : ", with uncommitted changes to src/main, sql or pom.xml");
		}
		catch (IOException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	private static String command(String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return output;
	}

	private static String cpuModel() throws IOException {
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (!Files.exists(cpuinfo)) {
			return "?";
		}
		try (Stream<String> lines = Files.lines(cpuinfo)) {
			return lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("?");
		}
	}

	private static String memory() throws IOException {
		Path meminfo = Path.of("/proc/meminfo");
		if (!Files.exists(meminfo)) {
			return "?";
		}
		try (Stream<String> lines = Files.lines(meminfo)) {
			return lines.filter((line) -> line.startsWith("MemTotal:"))
				.map((line) -> String.format(Locale.ROOT, "%.1f GiB",
						Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
				.findFirst()
				.orElse("?");
		}
	}

	private static String loadAverage() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		if (!Files.exists(loadavg)) {
			return "?";
		}
		String[] fields = Files.readString(loadavg).split(" ");
		return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
	}

	// LOAD DATA

	private record LoadData(long rows, double seconds) {

		double rowsPerSecond() {
			return this.rows / this.seconds;
		}

	}

	/**
	 * {@code LOAD DATA LOCAL INFILE} of every usage file into a plain table without an
	 * index, through a connection allowed to read local files from the usage folder only;
	 * the table is dropped after, so that the application starts on an empty database.
	 */
	private LoadData loadData(DropGenerator.Summary drop) throws SQLException, IOException {
		Path usage = drop.folder().resolve("usage").toAbsolutePath();
		long rows = 0;
		double seconds = 0;
		line("## LOAD DATA LOCAL INFILE of the usage files into a plain table (no index)");
		line("");
		line("| file | rows | seconds | rows/s |");
		line("|---|---:|---:|---:|");
		try (Connection connection = connect(this.database + "?allowLoadLocalInfileInPath="
				+ URLEncoder.encode(usage.toString(), StandardCharsets.UTF_8));
				Statement statement = connection.createStatement()) {
			statement.execute(PLAIN_TABLE);
			for (String file : drop.usageRows().keySet()) {
				Path path = drop.folder().resolve(file).toAbsolutePath();
				long start = System.nanoTime();
				long loaded = statement.executeLargeUpdate(
						"LOAD DATA LOCAL INFILE '" + path.toString().replace("\\", "\\\\").replace("'", "\\'")
								+ "' INTO TABLE load_data_usage CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' "
								+ "OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n' IGNORE 1 LINES");
				double took = (System.nanoTime() - start) / 1e9;
				line("| %s | %,d | %.1f | %,.0f |", file, loaded, took, loaded / took);
				rows += loaded;
				seconds += took;
			}
			statement.execute("DROP TABLE load_data_usage");
		}
		LoadData loadData = new LoadData(rows, seconds);
		line("| **all** | **%,d** | **%.1f** | **%,.0f** |", rows, seconds, loadData.rowsPerSecond());
		line("");
		return loadData;
	}

	// the jobs

	private JobFigures runJob(String job, BenchmarkSmtp smtp) throws Exception {
		String argument = switch (job) {
			case "nightly" -> "--date=" + this.runDate;
			case "monthly" -> "--period=" + YearMonth.from(this.runDate);
			case "quarterly" -> "--period=" + this.runDate.getYear() + "-Q" + ((this.runDate.getMonthValue() + 2) / 3);
			default -> throw new IllegalArgumentException("benchmark.jobs: unknown job " + job);
		};
		Path log = this.folder.resolve(job + ".log");
		Path gcLog = this.folder.resolve(job + "-gc.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + this.heap));
		command.addAll(this.javaOptions);
		command.addAll(List.of("-Xlog:gc,gc+heap+exit:file=" + gcLog,
				"-Dspring.datasource.url=" + this.server + "/" + this.database + "?rewriteBatchedStatements=true",
				"-Dspring.datasource.username=" + this.user, "-Dkeyreview.inputs=" + this.folder.resolve("drop"),
				"-Dkeyreview.out=" + this.folder.resolve("out"), "-Dspring.mail.host=127.0.0.1",
				"-Dspring.mail.port=" + smtp.port(), "-jar", this.jar.toString(), job, argument));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", this.password);
		System.out.printf(Locale.ROOT, "running %s %s (log: %s) ...%n", job, argument, log);
		String loadBefore = loadAverage();
		long start = System.nanoTime();
		int exit = builder.start().waitFor();
		double wall = (System.nanoTime() - start) / 1e9;
		if (exit != 0 && exit != 4) {
			throw new IllegalStateException(job + " exited with " + exit + "; its log " + log + " ends with:\n"
					+ String.join("\n", tail(log, 30)));
		}
		JobFigures figures;
		try (Connection connection = connect(this.database)) {
			figures = JobFigures.lastOf(connection, job + "Job").withSecondsLogged(log);
		}
		GcLog gc = GcLog.read(gcLog);
		table(job, argument, exit, wall, figures, gc, String.format(Locale.ROOT,
				"%,d deliveries (one per recipient and Cc) to %s", smtp.takeDeliveries(), smtp.description()),
				loadBefore);
		return figures;
	}

	private void table(String job, String argument, int exit, double wall, JobFigures figures, GcLog gc, String smtp,
			String loadBefore) throws IOException {
		line("## %s %s", job, argument);
		line("");
		boolean compare = !this.secondsAtS.isEmpty();
		line("| step | read | written | filtered | skipped | commits | seconds | rows/s |%s", compare ? " ÷ S |" : "");
		line("|---|---:|---:|---:|---:|---:|---:|---:|%s", compare ? "---:|" : "");
		for (JobFigures.Step step : figures.steps()) {
			line("| %s | %,d | %,d | %,d | %,d | %,d | %.1f | %s |%s", step.name(), step.read(), step.written(),
					step.filtered(), step.skipped(), step.commits(), step.seconds(), rate(step.rowsPerSecond()),
					againstS(job + "/" + step.name(), step.seconds()));
		}
		line("| **whole job** (%s, exit %d) | | | | | | **%.1f** | |%s", figures.status(), exit, figures.seconds(),
				againstS(job, figures.seconds()));
		line("");
		line("- counts from BATCH_STEP_EXECUTION (job execution %d); seconds from the job's log, which has "
				+ "milliseconds (the job repository holds whole seconds on MariaDB)", figures.executionId());
		line("- process, JVM start and Flyway included: %.1f s; load average before %s, after %s", wall, loadBefore,
				loadAverage());
		line("- heap (-Xmx%s, %s): max occupied %.0f MB (before a collection or at exit), max live after a "
				+ "collection %.0f MB, %d collections, %.1f s of pauses", this.heap, gc.collector(), gc.maxBeforeMb(),
				gc.maxAfterMb(), gc.collections(), gc.pauseSeconds());
		line("- SMTP: %s", smtp);
		line("");
	}

	private void ratios(LoadData loadData, Map<String, JobFigures> figures) {
		JobFigures nightly = figures.get("nightly");
		if (nightly == null) {
			return;
		}
		JobFigures.Step loadUsage = nightly.step("loadUsage");
		line("## Against the goal");
		line("");
		line("| figure | value | goal |");
		line("|---|---:|---|");
		line("| LOAD DATA rows/s | %,.0f | |", loadData.rowsPerSecond());
		if (loadUsage != null) {
			line("| loadUsage rows/s | %,.0f | |", loadUsage.rowsPerSecond());
			line("| loadUsage rows/s ÷ LOAD DATA rows/s | %.2f | ≥ 0.6 |",
					loadUsage.rowsPerSecond() / loadData.rowsPerSecond());
		}
		line("| whole nightly s ÷ LOAD DATA s | %.1f | ≤ 4 at S |", nightly.seconds() / loadData.seconds());
		line("| whole nightly s | %.1f | ≤ 180 at L |", nightly.seconds());
		Double atS = this.secondsAtS.get("nightly");
		if (atS != null) {
			line("| whole nightly ÷ whole nightly at S | %.1f | ≤ 3.6 at M |", nightly.seconds() / atS);
		}
		line("");
	}

	// helpers

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(this.server + "/" + database, this.user, this.password);
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static List<String> tail(Path log, int lines) throws IOException {
		List<String> all = Files.readAllLines(log);
		return all.subList(Math.max(0, all.size() - lines), all.size());
	}

	/** Records the seconds, and gives the ÷ S cell when there are figures at S. */
	private String againstS(String step, double took) {
		this.seconds.put(step, took);
		if (this.secondsAtS.isEmpty()) {
			return "";
		}
		Double atS = this.secondsAtS.get(step);
		return (atS == null || atS <= 0) ? " |" : String.format(Locale.ROOT, " %.1f× |", took / atS);
	}

	private static String rate(double rowsPerSecond) {
		return Double.isNaN(rowsPerSecond) ? "" : String.format(Locale.ROOT, "%,.0f", rowsPerSecond);
	}

	private void line(String format, Object... arguments) {
		String line = String.format(Locale.ROOT, format, arguments);
		System.out.println(line);
		this.report.append(line).append('\n');
	}

}
