package io.keyreview.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

import org.jspecify.annotations.Nullable;

/**
 * The physical lines of a text, ended by LF, CRLF or CR, each cut at a maximum length so
 * that no line, however long, is held whole in memory.
 */
final class CsvLines implements Closeable {

	private final Reader in;

	private final int maxLength;

	private final char[] buffer = new char[1 << 16];

	private int position;

	private int limit;

	private long number;

	CsvLines(Reader in, int maxLength) {
		this.in = in;
		this.maxLength = maxLength;
	}

	/** The next line, or {@code null} at the end of the text. */
	@Nullable Line next() throws IOException {
		StringBuilder text = new StringBuilder();
		boolean tooLong = false;
		if (!fill()) {
			return null;
		}
		while (fill()) {
			char c = this.buffer[this.position++];
			if (c == '\n') {
				break;
			}
			if (c == '\r') {
				if (fill() && this.buffer[this.position] == '\n') {
					this.position++;
				}
				break;
			}
			if (text.length() < this.maxLength) {
				text.append(c);
			}
			else {
				tooLong = true;
			}
		}
		return new Line(++this.number, text.toString(), tooLong);
	}

	private boolean fill() throws IOException {
		while (this.position == this.limit) {
			int read = this.in.read(this.buffer);
			if (read < 0) {
				return false;
			}
			this.position = 0;
			this.limit = read;
		}
		return true;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	/**
	 * One line without its line break; a line longer than the maximum keeps only its
	 * start.
	 */
	record Line(long number, String text, boolean tooLong) {
	}

}
