package io.keyreview.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.samskivert.mustache.Mustache;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import com.samskivert.mustache.Template;
import io.keyreview.mismatches.Mismatches;
import io.keyreview.secrets.SecretRedactor;
import io.keyreview.support.AtomicFile;
import io.keyreview.support.Money;
import io.keyreview.worklist.ReviewCompletion;
import io.keyreview.worklist.ReviewSettings;
import io.keyreview.worklist.WorklistItems;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <out>/reports/index.html} for a night (each nightly, and each review
 * cycle after the last nightly): decisions per decision, rule and owner, spend against
 * budget this month, the review cycles' completion, anomalies, mismatches and the
 * offboarding reports, each linking to its CSV. Self-contained: inline CSS and SVG bars,
 * no script, a Content-Security-Policy that loads nothing; every value is escaped by the
 * template and the page is redacted of secrets.
 */
@Component
public class NightReport {

	private static final int BAR_WIDTH = 240;

	private static final int TOP = 20;

	private final JdbcTemplate jdbc;

	private final ReviewCompletion completion;

	private final WorklistItems worklist;

	private final ReviewSettings reviewSettings;

	private final Mismatches mismatches;

	private final Clock clock;

	private final Template template;

	NightReport(JdbcTemplate jdbc, ReviewCompletion completion, WorklistItems worklist, ReviewSettings reviewSettings,
			Mismatches mismatches, Clock clock) {
		this.jdbc = jdbc;
		this.completion = completion;
		this.worklist = worklist;
		this.reviewSettings = reviewSettings;
		this.mismatches = mismatches;
		this.clock = clock;
		try (Reader reader = new InputStreamReader(new ClassPathResource("report/index.html.mustache").getInputStream(),
				StandardCharsets.UTF_8)) {
			this.template = Mustache.compiler().compile(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the report template", ex);
		}
	}

	/** Writes the night's page into {@code folder}, and returns it. */
	public Path write(LocalDate runDate, Path folder) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("night", runDate.toString());
		model.put("generatedAt", this.clock.instant().toString());
		model.put("register", "../register/register-" + runDate + ".csv");
		model.put("decisions", bars(this.jdbc.queryForList("""
				SELECT decision AS label, COUNT(*) AS n FROM key_register WHERE decision IS NOT NULL
				GROUP BY decision ORDER BY n DESC, decision""")));
		model.put("rules", bars(this.jdbc.queryForList("""
				SELECT rule_id AS label, COUNT(*) AS n FROM key_finding GROUP BY rule_id ORDER BY n DESC, rule_id""")));
		model.put("owners", this.jdbc.queryForList("""
				SELECT COALESCE(business_owner, owner, '(none)') AS owner, COUNT(*) AS keys_held,
				  SUM(CASE WHEN decision <> 'keep' THEN 1 ELSE 0 END) AS to_decide
				FROM key_register WHERE decision IS NOT NULL
				GROUP BY COALESCE(business_owner, owner, '(none)') ORDER BY to_decide DESC, keys_held DESC, owner
				LIMIT %d""".formatted(TOP)));
		model.putAll(spend());
		List<Map<String, Object>> cycles = new ArrayList<>();
		this.worklist.cyclesDueFrom(this.reviewSettings.followedFrom(runDate))
			.forEach((cycle) -> cycles.add(Map.of("summary", this.completion.summary(cycle).toString(), "file",
					"review-" + cycle.name() + ".csv")));
		model.put("cycles", cycles);
		model.put("hasCycles", !cycles.isEmpty());
		List<Map<String, Object>> anomalies = this.jdbc.queryForList("""
				SELECT f.key_id, r.alias, f.evidence FROM key_finding f JOIN key_register r ON r.key_id = f.key_id
				WHERE f.rule_id = 'anomaly' ORDER BY f.key_id""");
		model.put("anomalies", anomalies);
		model.put("hasAnomalies", !anomalies.isEmpty());
		List<Map<String, Object>> kinds = new ArrayList<>();
		this.mismatches.countsOn(runDate).forEach((kind, n) -> kinds.add(Map.of("label", kind, "n", n)));
		model.put("mismatches", bars(kinds));
		model.put("mismatchesFile", "mismatches-" + runDate + ".csv");
		List<Map<String, Object>> offboarding = offboardingReports(folder);
		model.put("offboarding", offboarding);
		model.put("hasOffboarding", !offboarding.isEmpty());
		Path file = folder.resolve("index.html");
		try {
			AtomicFile.writeString(file, SecretRedactor.redact(this.template.execute(model)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
		return file;
	}

	/** This month's spend against budget: in total, and the keys that spent most. */
	private Map<String, Object> spend() {
		Map<String, Object> spend = new LinkedHashMap<>();
		Map<String, Object> total = this.jdbc.queryForMap("""
				SELECT COALESCE(SUM(spend_month_usd), 0) AS spent, COALESCE(SUM(monthly_budget_usd), 0) AS budget
				FROM key_register WHERE gone_since IS NULL""");
		spend.put("totalSpend", Money.usd((BigDecimal) total.get("spent")));
		spend.put("totalBudget", Money.usd((BigDecimal) total.get("budget")));
		List<Map<String, Object>> keys = this.jdbc.queryForList("""
				SELECT key_id, alias, spend_month_usd, monthly_budget_usd FROM key_register
				WHERE gone_since IS NULL AND spend_month_usd > 0 ORDER BY spend_month_usd DESC, key_id LIMIT %d"""
			.formatted(TOP));
		BigDecimal most = keys.stream()
			.map((key) -> ((BigDecimal) key.get("spend_month_usd")).max((key.get("monthly_budget_usd") != null)
					? (BigDecimal) key.get("monthly_budget_usd") : BigDecimal.ZERO))
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ONE);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> key : keys) {
			BigDecimal spent = (BigDecimal) key.get("spend_month_usd");
			BigDecimal budget = (BigDecimal) key.get("monthly_budget_usd");
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("keyId", key.get("key_id"));
			row.put("alias", (key.get("alias") != null) ? key.get("alias") : "");
			row.put("spend", Money.usd(spent));
			row.put("budget", (budget != null) ? Money.usd(budget) : "no budget");
			row.put("width", width(spent, most));
			row.put("hasBudget", budget != null);
			row.put("budgetAt", (budget != null) ? width(budget, most) : 0);
			row.put("over", budget != null && spent.compareTo(budget) > 0);
			rows.add(row);
		}
		spend.put("spendKeys", rows);
		return spend;
	}

	/** Rows of label and count, each with its bar's width against the largest. */
	private static List<Map<String, Object>> bars(List<Map<String, Object>> counts) {
		long most = counts.stream().mapToLong((row) -> ((Number) row.get("n")).longValue()).max().orElse(1);
		return counts.stream().map((row) -> {
			long n = ((Number) row.get("n")).longValue();
			return Map.<String, Object>of("label", String.valueOf(row.get("label")), "n", n, "width",
					width(BigDecimal.valueOf(n), BigDecimal.valueOf(most)));
		}).toList();
	}

	private static long width(BigDecimal value, BigDecimal most) {
		if (most.signum() <= 0) {
			return 0;
		}
		return value.multiply(BigDecimal.valueOf(BAR_WIDTH)).divide(most, java.math.RoundingMode.HALF_UP).longValue();
	}

	/**
	 * The offboarding reports written so far, each with its verdicts counted ("2 used
	 * after exit, 1 removed in time").
	 */
	private static List<Map<String, Object>> offboardingReports(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			List<Path> reports = files
				.filter((file) -> file.getFileName().toString().startsWith("offboarding-")
						&& file.getFileName().toString().endsWith(".csv"))
				.sorted()
				.toList();
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Path report : reports) {
				rows.add(Map.of("file", report.getFileName().toString(), "verdicts", verdicts(report)));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder, ex);
		}
	}

	private static String verdicts(Path report) throws IOException {
		Map<String, Integer> counts = new TreeMap<>();
		try (CSVReader csv = new CSVReader(Files.newBufferedReader(report, StandardCharsets.UTF_8))) {
			String[] header = csv.readNext();
			int verdict = (header != null) ? Arrays.asList(header).indexOf("verdict") : -1;
			for (String[] row : csv) {
				if (verdict >= 0 && row.length > verdict) {
					counts.merge(row[verdict], 1, Integer::sum);
				}
			}
		}
		catch (CsvException ex) {
			return "not readable: " + ex.getMessage();
		}
		if (counts.isEmpty()) {
			return "no exit in the window";
		}
		List<String> parts = new ArrayList<>();
		counts.forEach((verdict, n) -> parts.add(n + " " + verdict));
		return String.join(", ", parts);
	}

	/**
	 * The night the last nightly reconciled the register, for a page a review cycle
	 * writes; {@code fallback} before any nightly.
	 */
	public LocalDate lastNight(LocalDate fallback) {
		LocalDate night = this.jdbc.queryForObject("SELECT MAX(reconciled_on) FROM key_register", LocalDate.class);
		return (night != null) ? night : fallback;
	}

}
