package io.keyreview.worklist;

import java.nio.file.Path;
import java.util.List;

import io.keyreview.run.Cycle;
import io.keyreview.support.CsvExport;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far a cycle's review got, per addressee and in total:
 * {@code <out>/reports/review-<cycle>.csv} with its {@code .sha256}. An item counts by
 * the answer that stands for it: answered by its due date, answered later, defaulted (no
 * answer by the time it closed), or still open.
 */
public class ReviewCompletion {

	private static final String[] HEADER = { "cycle", "addressee", "cc", "items", "answered_on_time", "answered_late",
			"defaulted", "open", "actions_done", "actions_overdue" };

	/** The standing answer of each item, and what it counts as. */
	private static final String COUNTS = """
			COUNT(*) AS items,
			  SUM(CASE WHEN a.channel IS NOT NULL AND a.channel <> 'default'
			    AND CAST(a.answered_at AS DATE) <= w.due_date THEN 1 ELSE 0 END) AS on_time,
			  SUM(CASE WHEN a.channel IS NOT NULL AND a.channel <> 'default'
			    AND CAST(a.answered_at AS DATE) > w.due_date THEN 1 ELSE 0 END) AS late,
			  SUM(CASE WHEN a.channel = 'default' THEN 1 ELSE 0 END) AS defaulted,
			  SUM(CASE WHEN a.channel IS NULL THEN 1 ELSE 0 END) AS still_open,
			  SUM(CASE WHEN t.status = 'done' THEN 1 ELSE 0 END) AS done,
			  SUM(CASE WHEN t.status = 'overdue' THEN 1 ELSE 0 END) AS overdue""";

	private static final String STANDING_ANSWER = """
			LEFT JOIN review_answer a ON a.answer_id = (SELECT MAX(x.answer_id) FROM review_answer x
			  WHERE x.cycle = w.cycle AND x.key_id = w.key_id)
			LEFT JOIN review_action t ON t.cycle = w.cycle AND t.key_id = w.key_id AND t.answer_id = a.answer_id""";

	private final JdbcTemplate jdbc;

	ReviewCompletion(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A cycle's figures in total. */
	public record Summary(String cycle, long items, long answeredOnTime, long answeredLate, long defaulted, long open,
			long actionsDone, long actionsOverdue) {

		@Override
		public String toString() {
			return this.cycle + ": " + this.items + " item(s), " + this.answeredOnTime + " answered on time, "
					+ this.answeredLate + " late, " + this.defaulted + " defaulted, " + this.open + " open; "
					+ this.actionsDone + " action(s) done, " + this.actionsOverdue + " overdue";
		}

	}

	/** The last monthly and quarterly cycles, latest due first. */
	public List<Cycle> lastCycles(int limit) {
		return this.jdbc.queryForList("""
				SELECT cycle FROM worklist_item WHERE cycle NOT LIKE 'events-%'
				GROUP BY cycle ORDER BY MAX(due_date) DESC, cycle DESC LIMIT ?""", String.class, limit)
			.stream()
			.map(Cycle::named)
			.toList();
	}

	/** Writes the cycle's report and returns its total. */
	Summary write(Cycle cycle, Path reports) {
		Path file = reports.resolve("review-" + cycle.name() + ".csv");
		CsvExport.write(file, HEADER, (csv) -> {
			this.jdbc.query("SELECT r.recipient, r.cc, " + COUNTS + " FROM worklist_recipient r "
					+ "JOIN worklist_item w ON w.cycle = r.cycle AND w.key_id = r.key_id " + STANDING_ANSWER
					+ " WHERE r.cycle = ? GROUP BY r.recipient, r.cc ORDER BY r.recipient, r.cc", (rs) -> {
						csv.add(cycle.name(), rs.getString("recipient"), rs.getString("cc"), rs.getLong("items"),
								rs.getLong("on_time"), rs.getLong("late"), rs.getLong("defaulted"),
								rs.getLong("still_open"), rs.getLong("done"), rs.getLong("overdue"));
					}, cycle.name());
			Summary total = summary(cycle);
			csv.add(cycle.name(), "all", null, total.items(), total.answeredOnTime(), total.answeredLate(),
					total.defaulted(), total.open(), total.actionsDone(), total.actionsOverdue());
		});
		CsvExport.writeChecksum(file);
		return summary(cycle);
	}

	/** The cycle's total, every item once. */
	public Summary summary(Cycle cycle) {
		return this.jdbc.queryForObject(
				"SELECT " + COUNTS + " FROM worklist_item w " + STANDING_ANSWER + " WHERE w.cycle = ?",
				(rs, row) -> new Summary(cycle.name(), rs.getLong("items"), rs.getLong("on_time"), rs.getLong("late"),
						rs.getLong("defaulted"), rs.getLong("still_open"), rs.getLong("done"), rs.getLong("overdue")),
				cycle.name());
	}

}
