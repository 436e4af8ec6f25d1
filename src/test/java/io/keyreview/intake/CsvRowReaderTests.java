package io.keyreview.intake;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CsvRowReaderTests {

	@Test
	void readsColumnsInAnyOrderAndCaseWithBomCrlfAndQuotedCommasAndNewlines() throws Exception {
		List<CsvRow> rows = read("\uFEFFAlias,KEY_ID,Scopes\r\n\"a, b\",k1,x;y; z\r\n\"two\r\nlines\",k2,\r\n");

		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).text("key_id")).isEqualTo("k1");
		assertThat(rows.get(0).text("alias")).isEqualTo("a, b");
		assertThat(rows.get(0).list("scopes")).containsExactly("x", "y", "z");
		assertThat(rows.get(0).line()).isEqualTo(2);
		assertThat(rows.get(1).text("alias")).isEqualTo("two\nlines");
		assertThat(rows.get(1).list("scopes")).isEmpty();
		assertThat(rows.get(1).line()).isEqualTo(3);
	}

	@Test
	void readsIsoDatesWithAndWithoutTimeAndMoneyExactly() throws Exception {
		CsvRow row = read("key_id,a,b,c,d,cost\nk,2026-11-21,2026-11-21T03:00:00Z,2026-11-21T05:00:00+02:00,"
				+ "2026-11-21 03:00:00,0.000000123456\n")
			.get(0);

		assertThat(row.instant("a")).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
		assertThat(row.instant("b")).isEqualTo(Instant.parse("2026-11-21T03:00:00Z"));
		assertThat(row.instant("c")).isEqualTo(Instant.parse("2026-11-21T03:00:00Z"));
		assertThat(row.instant("d")).isEqualTo(Instant.parse("2026-11-21T03:00:00Z"));
		assertThat(row.date("b")).isEqualTo(LocalDate.parse("2026-11-21"));
		assertThat(row.amount("cost")).isEqualTo(new BigDecimal("0.000000123456"));
	}

	@Test
	void rejectsABadValueWithTheColumnTheValueAndTheLine() throws Exception {
		CsvRow row = read("key_id,created_at,requests\nk1,2026-13-45,-1\n").get(0);

		assertThatExceptionOfType(BadRowException.class).isThrownBy(() -> row.instant("created_at"))
			.satisfies((bad) -> {
				assertThat(bad.reason()).isEqualTo("created_at '2026-13-45' is not an ISO 8601 date or time");
				assertThat(bad.line()).isEqualTo(2);
				assertThat(bad.keyId()).isEqualTo("k1");
				assertThat(bad.rowText()).isEqualTo("k1,2026-13-45,-1");
			});
		assertThatExceptionOfType(BadRowException.class).isThrownBy(() -> row.count("requests", 1))
			.withMessageEndingWith("requests '-1' is negative");
	}

	@Test
	void failsWithASentenceWhenARequiredColumnIsMissing() {
		CsvRowReader reader = reader("alias,status\na,active\n");

		assertThatExceptionOfType(Exception.class).isThrownBy(() -> reader.open(new ExecutionContext()))
			.havingRootCause()
			.isInstanceOf(InputFileException.class)
			.withMessage("keys/test.csv has no key_id column (its columns: alias, status)");
	}

	@Test
	void failsWhenARequiredFileHasNoRows() {
		CsvRowReader reader = reader("key_id,alias\n");
		reader.open(new ExecutionContext());

		assertThatExceptionOfType(InputFileException.class).isThrownBy(reader::read)
			.withMessage("keys/test.csv has a header but no rows");
	}

	@Test
	void resumesAfterTheLastCountedRecordEvenAcrossMultiLineCells() throws Exception {
		String csv = "key_id,alias\nk1,\"a\nb\"\nk2,c\nk3,d\n";
		CsvRowReader first = reader(csv);
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		first.read();
		first.read();

		CsvRow next = firstRowAfterRestart(csv, first, context);
		assertThat(next.text("key_id")).isEqualTo("k3");
		assertThat(next.line()).isEqualTo(5);
	}

	@Test
	void rejectsOnlyTheLineOpeningAQuoteThatMakesNoRowAndReadsOnFromTheNextLine() throws Exception {
		String csv = "key_id,alias,status\nk1,\"stray\nk2\",b,active\nk3,\"two\nlines\",active\nk4,d,active\n";
		List<String> read = new ArrayList<>();
		CsvRowReader reader = reader(csv);
		reader.open(new ExecutionContext());
		while (true) {
			try {
				CsvRow row = reader.read();
				if (row == null) {
					break;
				}
				read.add(row.line() + " " + row.text("key_id") + " " + row.text("alias"));
			}
			catch (BadRowException bad) {
				read.add(bad.line() + " rejected: " + bad.reason() + " [" + bad.rowText() + "]");
			}
		}

		assertThat(read).containsExactly("2 rejected: opens a quote that is not closed on this line, and lines 2 to 3 "
				+ "read as one row have 4 fields where the header has 3; only this line is rejected [k1,\"stray]",
				"3 k2\" b", "4 k3 two\nlines", "6 k4 d");
	}

	@Test
	void rejectsAnUnclosedQuoteAtTheEndOfTheFileAndResumesAfterItOnRestart() throws Exception {
		String csv = "key_id,alias\nk1,\"stray\nk2,b\nk3,c\n";
		CsvRowReader first = reader(csv);
		ExecutionContext context = new ExecutionContext();
		first.open(context);
		assertThatExceptionOfType(BadRowException.class).isThrownBy(first::read)
			.satisfies((bad) -> assertThat(bad.reason()).isEqualTo("opens a quote that is not closed on this line, "
					+ "and the quote never closes before the end of the file; only this line is rejected"));
		assertThat(first.read().text("key_id")).isEqualTo("k2");

		CsvRow next = firstRowAfterRestart(csv, first, context);
		assertThat(next.text("key_id")).isEqualTo("k3");
		assertThat(next.line()).isEqualTo(4);
	}

	@Test
	void rejectsALineTooLongToHoldNotUtf8OrWithAControlCharacterAndKeepsItsRowTextVisible() throws Exception {
		byte[] latin1 = "key_id,alias\nk1,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		CsvRowReader reader = new CsvRowReader("keys", Set.of("key_id"), true, ColumnMapping.NONE, Map.of("alias", 3),
				InputLimits.DEFAULT);
		reader.setResource(new ByteArrayResource(
				("key_id,alias\nk1,\u0000\nk2," + "x".repeat(1 << 20) + "\nk3,\"a\nbcd\"\nk4,ok,more\n")
					.getBytes(StandardCharsets.UTF_8)));
		reader.open(new ExecutionContext());

		assertThatExceptionOfType(BadRowException.class).isThrownBy(reader::read)
			.satisfies((bad) -> assertThat(bad.reason() + " " + bad.rowText())
				.isEqualTo("has a control character (U+0000) k1,\\x00"));
		assertThatExceptionOfType(BadRowException.class).isThrownBy(reader::read)
			.withMessageEndingWith("line 3: is longer than 1048576 characters");
		assertThatExceptionOfType(BadRowException.class).isThrownBy(reader::read)
			.withMessageContaining("line 4: opens a quote")
			.withMessageContaining("lines 4 to 5 read as one row make a alias longer than 3 characters");
		assertThatExceptionOfType(BadRowException.class).as("the line after the rejected one, read on its own")
			.isThrownBy(reader::read)
			.withMessageContaining("line 5: opens a quote")
			.withMessageContaining("have 3 fields where the header has 2");
		assertThat(reader.read().text("key_id")).isEqualTo("k4");
		assertThat(read(new String(latin1, StandardCharsets.ISO_8859_1))).hasSize(1);
		CsvRowReader notUtf8 = reader("");
		notUtf8.setResource(new ByteArrayResource(latin1));
		notUtf8.open(new ExecutionContext());
		assertThatExceptionOfType(BadRowException.class).isThrownBy(notUtf8::read)
			.withMessageEndingWith("line 2: is not UTF-8 text: save the file as UTF-8");
	}

	@Test
	void rejectsValuesTheirColumnsCannotHold() throws Exception {
		CsvRow row = read("key_id,cost,requests,at\nk," + "9".repeat(13) + ",1000000000001,2101-01-01\n").get(0);

		assertThatExceptionOfType(BadRowException.class).isThrownBy(() -> row.amount("cost"))
			.withMessageEndingWith("cost '9999999999999' has more than 12 digits before the decimal point");
		assertThatExceptionOfType(BadRowException.class).isThrownBy(() -> row.count("requests", 0))
			.withMessageEndingWith("requests '1000000000001' is more than 1000000000000");
		assertThatExceptionOfType(BadRowException.class).isThrownBy(() -> row.instant("at"))
			.withMessageEndingWith("at '2101-01-01' is outside 2000-01-01 to 2100-12-31");
	}

	private static List<CsvRow> read(String csv) throws Exception {
		CsvRowReader reader = reader(csv);
		reader.open(new ExecutionContext());
		List<CsvRow> rows = new ArrayList<>();
		for (CsvRow row = reader.read(); row != null; row = reader.read()) {
			rows.add(row);
		}
		reader.close();
		return rows;
	}

	private static CsvRowReader reader(String csv) {
		CsvRowReader reader = new CsvRowReader("keys", Set.of("key_id"), true);
		reader.setResource(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "test.csv";
			}
		});
		return reader;
	}

	/**
	 * Saves where the reader got to, as a chunk commit does, and reads on in a new one.
	 */
	private CsvRow firstRowAfterRestart(String csv, CsvRowReader first, ExecutionContext context) throws Exception {
		first.update(context);
		first.close();
		CsvRowReader restarted = reader(csv);
		restarted.open(context);
		return restarted.read();
	}

}
