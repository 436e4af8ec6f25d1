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

	/**
	 * The next line, or {@code null} at the end of the text: copied from the buffer a
	 * stretch at a time, as this runs on every line of every input.
	 */
	@Nullable Line next() throws IOException {
		if (!fill()) {
			return null;
		}
		StringBuilder earlierBuffers = null;
		long length = 0;
		while (fill()) {
			int start = this.position;
			int end = start;
			while (end < this.limit && this.buffer[end] != '\n' && this.buffer[end] != '\r') {
				end++;
			}
			int kept = (int) Math.min(end - start, Math.max(0, this.maxLength - length));
			length += end - start;
			this.position = end;
			if (end == this.limit) {
				earlierBuffers = (earlierBuffers != null) ? earlierBuffers : new StringBuilder();
				earlierBuffers.append(this.buffer, start, kept);
				continue;
			}
			String text = (earlierBuffers != null) ? earlierBuffers.append(this.buffer, start, kept).toString()
					: new String(this.buffer, start, kept);
			skipLineBreak();
			return new Line(++this.number, text, length > this.maxLength);
		}
		return new Line(++this.number, (earlierBuffers != null) ? earlierBuffers.toString() : "",
				length > this.maxLength);
	}

	/** Skips LF, CR or CRLF. */
	private void skipLineBreak() throws IOException {
		if (this.buffer[this.position++] == '\r' && fill() && this.buffer[this.position] == '\n') {
			this.position++;
		}
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
