package io.keyreview.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file written as ASCII bytes through a large buffer, with numbers formatted without
 * building strings: what lets ten million usage rows be written in seconds.
 */
final class AsciiOut implements AutoCloseable {

	private final OutputStream out;

	private final byte[] buffer = new byte[1 << 20];

	private int position;

	private long lines;

	AsciiOut(Path file) throws IOException {
		this.out = Files.newOutputStream(file);
	}

	long lines() {
		return this.lines;
	}

	AsciiOut put(byte[] bytes) throws IOException {
		if (this.position + bytes.length > this.buffer.length) {
			flush();
		}
		System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
		this.position += bytes.length;
		return this;
	}

	AsciiOut put(String ascii) throws IOException {
		return put(ascii.getBytes(StandardCharsets.US_ASCII));
	}

	AsciiOut put(char c) throws IOException {
		if (this.position == this.buffer.length) {
			flush();
		}
		this.buffer[this.position++] = (byte) c;
		return this;
	}

	/** A whole number, without leading zeros. */
	AsciiOut put(long value) throws IOException {
		if (value < 0) {
			put('-');
			value = -value;
		}
		if (value < 10) {
			return put((char) ('0' + value));
		}
		int width = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			width++;
		}
		return digits(value, width);
	}

	/** A whole number in exactly {@code width} digits, zero-padded. */
	AsciiOut digits(long value, int width) throws IOException {
		if (this.position + width > this.buffer.length) {
			flush();
		}
		for (int i = this.position + width - 1; i >= this.position; i--) {
			this.buffer[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		this.position += width;
		return this;
	}

	/**
	 * {@code units} of 10^-decimals as a decimal number: 12345 with 8 decimals is
	 * 0.00012345.
	 */
	AsciiOut decimal(long units, int decimals) throws IOException {
		long scale = 1;
		for (int i = 0; i < decimals; i++) {
			scale *= 10;
		}
		put(units / scale).put('.');
		return digits(units % scale, decimals);
	}

	AsciiOut endLine() throws IOException {
		this.lines++;
		return put('\n');
	}

	private void flush() throws IOException {
		this.out.write(this.buffer, 0, this.position);
		this.position = 0;
	}

	@Override
	public void close() throws IOException {
		flush();
		this.out.close();
	}

}
