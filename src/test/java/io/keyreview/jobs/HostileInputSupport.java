package io.keyreview.jobs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers of the hostile-input tests: the demo drop as a realistic input, byte-level
 * edits of one line, and what the run rejected, as the table and as the rejects file say.
 */
abstract class HostileInputSupport extends JobTestSupport {

	static final LocalDate NIGHT = LocalDate.parse("2026-11-21");

	static final LocalDate NEXT_NIGHT = LocalDate.parse("2026-11-22");

	private static final Path DEMO = Path.of("jobs/demo");

	private static final int USAGE_LINES = 40;

	/** The rows the demo drop has wrong on purpose. */
	private static final List<String> DEMO_REJECTS = List.of(
			"keys/litellm.csv:12 created_at '2026-13-45' is not an ISO 8601 date or time",
			"keys/openai.csv:7 status 'paused' is not one of [active, deleted, disabled, expired, revoked]",
			"keys/openai.csv:16 key_id 'support-agent-prod-gateway' is listed again (first in keys/litellm.csv line 2, "
					+ "which is kept), and differs from it: status disabled (kept: active), owner dana.lee@example.com "
					+ "(kept: support_ops)",
			"people/people.csv:46 status 'suspended' is not one of [active, leave, terminated]");

	/**
	 * The demo file drop ({@code jobs/demo}), with each usage file cut to its first lines
	 * to keep the test fast.
	 */
	void givenDemoInputs() throws IOException {
		FileSystemUtils.deleteRecursively(INPUTS);
		FileSystemUtils.copyRecursively(DEMO, INPUTS);
		try (Stream<Path> files = Files.list(INPUTS.resolve("usage"))) {
			for (Path file : files.toList()) {
				List<String> lines = Files.readAllLines(file);
				Files.write(file, lines.subList(0, Math.min(USAGE_LINES, lines.size())));
			}
		}
	}

	/** Replaces the first {@code from} on a line (1 is the header) with raw bytes. */
	void givenLineEdited(String path, int line, String from, byte[] to) throws IOException {
		Path file = INPUTS.resolve(path);
		List<String> lines = Files.readAllLines(file);
		String text = lines.get(line - 1);
		int at = text.indexOf(from);
		assertThat(at).as(path + " line " + line + " holds " + from).isNotNegative();
		byte[] before = (String.join("\n", lines.subList(0, line - 1)) + "\n" + text.substring(0, at))
			.getBytes(StandardCharsets.UTF_8);
		byte[] after = (text.substring(at + from.length()) + "\n" + String.join("\n", lines.subList(line, lines.size()))
				+ "\n")
			.getBytes(StandardCharsets.UTF_8);
		try (var out = Files.newOutputStream(file)) {
			out.write(before);
			out.write(to);
			out.write(after);
		}
	}

	void givenLineEdited(String path, int line, String from, String to) throws IOException {
		givenLineEdited(path, line, from, to.getBytes(StandardCharsets.UTF_8));
	}

	/** A line of a file drop file as it is now. */
	String lineOf(String path, int line) throws IOException {
		return Files.readAllLines(INPUTS.resolve(path)).get(line - 1);
	}

	/** Tonight's rejects as {@code file:line reason}, in file and line order. */
	List<String> rejects(LocalDate night) {
		return this.jdbc
			.queryForList(
					"SELECT input_file, line, reason FROM rejected_row WHERE run_date = ? ORDER BY input_file, line",
					night)
			.stream()
			.map((row) -> row.get("input_file") + ":" + row.get("line") + " " + row.get("reason"))
			.toList();
	}

	/**
	 * Tonight's rejects of one input file as {@code file:line reason}, in line order, but
	 * those the demo drop has on purpose.
	 */
	List<String> rejects(LocalDate night, String file) {
		return rejects(night).stream()
			.filter((reject) -> reject.startsWith(file + ":") && !DEMO_REJECTS.contains(reject))
			.toList();
	}

	/** The rows of a rejects file, header left out. */
	List<String[]> rejectsFile(LocalDate night, String source) throws IOException {
		Path file = OUT.resolve("rejects").resolve(night.toString()).resolve(source + ".csv");
		if (!Files.exists(file)) {
			return List.of();
		}
		try (Reader in = Files.newBufferedReader(file); CSVReader csv = new CSVReader(in)) {
			List<String[]> rows = new ArrayList<>(csv.readAll());
			rows.remove(0);
			return rows;
		}
		catch (CsvException ex) {
			throw new IOException(ex);
		}
	}

	/** What a load step counted as rejected in its last execution. */
	long rejectedBy(String step) {
		return count("""
				SELECT READ_SKIP_COUNT + PROCESS_SKIP_COUNT + WRITE_SKIP_COUNT FROM BATCH_STEP_EXECUTION
				WHERE STEP_NAME = ? ORDER BY STEP_EXECUTION_ID DESC LIMIT 1""", step);
	}

	/**
	 * The step's reject count, the table and the rejects file agree, and the file holds
	 * no control character but line breaks.
	 */
	void assertRejectsAgree(LocalDate night, String step, String source) throws IOException {
		List<String[]> file = rejectsFile(night, source);
		assertThat(file).as("rows of rejects/" + source + ".csv").hasSize((int) rejectedBy(step));
		assertThat(count("SELECT COUNT(*) FROM rejected_row WHERE run_date = ? AND source = ?", night, source))
			.isEqualTo(file.size());
		Path path = OUT.resolve("rejects").resolve(night.toString()).resolve(source + ".csv");
		if (Files.exists(path)) {
			assertThat(Files.readString(path)).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
		}
	}

	static String repeat(char c, int times) {
		return String.valueOf(c).repeat(times);
	}

}
