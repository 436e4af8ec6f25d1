package io.keyreview.landing;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.keyreview.intake.InputFileException;
import io.keyreview.intake.LandingManifest;
import io.keyreview.secrets.SecretRedactor;
import io.keyreview.secrets.SecretRedactor.Redaction;

import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Copies input files with their secrets redacted and their line endings kept, a block of
 * whole lines at a time (a secret never spans lines). The blocks of a large file are
 * redacted and encoded on the executor, a few at a time, while this thread reads the next
 * ones and writes the redacted ones in their order; a file of one block (a policy, say)
 * is copied whole on the executor, a few files at a time. The checksums of the input and
 * of the copy are taken as the bytes pass. A copy is written in place: a landing folder
 * counts as landed only once its manifest is written, after its last copy.
 */
final class RedactingCopy {

	/** The most text held while looking for the end of a line. */
	private static final int LONGEST_PENDING_TEXT = 1 << 20;

	private static final int BLOCK = 1 << 16;

	private final AsyncTaskExecutor redactors;

	private final int blocksInFlight;

	/**
	 * @param redactors the executor that redacts the blocks
	 * @param blocksInFlight how many blocks are read ahead of the one being written
	 */
	RedactingCopy(AsyncTaskExecutor redactors, int blocksInFlight) {
		this.redactors = redactors;
		this.blocksInFlight = Math.max(1, blocksInFlight);
	}

	/** What landed of one file. */
	record Landed(long lines, int redacted, long notUtf8Lines, long bytes, String sha256, String inputSha256) {

	}

	/**
	 * Copies the files, each {@code from} to its {@code to}, and says what landed of
	 * each, in their order.
	 */
	List<Landed> copy(List<Path> from, List<Path> to, boolean csv) throws IOException {
		List<Landed> landed = new ArrayList<>(from.size());
		Deque<Future<Landed>> inFlight = new ArrayDeque<>();
		try {
			for (int i = 0; i < from.size(); i++) {
				Path source = from.get(i);
				Path target = to.get(i);
				if (Files.size(source) <= BLOCK) {
					inFlight.add(this.redactors.submit(() -> copyWhole(source, target, csv)));
					if (inFlight.size() > this.blocksInFlight) {
						landed.add(next(inFlight));
					}
				}
				else {
					while (!inFlight.isEmpty()) {
						landed.add(next(inFlight));
					}
					landed.add(copy(source, target, csv));
				}
			}
			while (!inFlight.isEmpty()) {
				landed.add(next(inFlight));
			}
			return landed;
		}
		finally {
			inFlight.forEach((file) -> file.cancel(true));
		}
	}

	/** Copies the file, its blocks redacted on the executor. */
	Landed copy(Path from, Path to, boolean csv) throws IOException {
		DigestInputStream input = new DigestInputStream(Files.newInputStream(from), LandingManifest.newDigest());
		Tally tally = new Tally();
		Deque<Future<Block>> inFlight = new ArrayDeque<>();
		try (Reader in = new BufferedReader(new InputStreamReader(input, decoder(csv)));
				OutputStream out = new BufferedOutputStream(Files.newOutputStream(to), BLOCK)) {
			char[] buffer = new char[BLOCK];
			StringBuilder pending = new StringBuilder();
			int read;
			while ((read = in.read(buffer)) != -1) {
				pending.append(buffer, 0, read);
				int lineEnd = lastLineEnd(buffer, read);
				int end = (lineEnd >= 0) ? pending.length() - read + lineEnd + 1 : 0;
				if (end == 0 && pending.length() > LONGEST_PENDING_TEXT) {
					end = lastSeparator(pending);
				}
				if (end > 0) {
					redact(pending.substring(0, end), inFlight, tally, out);
					pending.delete(0, end);
				}
			}
			redact(pending.toString(), inFlight, tally, out);
			while (!inFlight.isEmpty()) {
				tally.write(next(inFlight), out);
			}
		}
		catch (MalformedInputException ex) {
			throw notUtf8(from, ex);
		}
		finally {
			inFlight.forEach((block) -> block.cancel(true));
		}
		return tally.landed(input.getMessageDigest());
	}

	/** Copies a file of at most one block in one go, on this thread. */
	private static Landed copyWhole(Path from, Path to, boolean csv) throws IOException {
		byte[] input = Files.readAllBytes(from);
		String text;
		try {
			text = decoder(csv).decode(ByteBuffer.wrap(input)).toString();
		}
		catch (CharacterCodingException ex) {
			throw notUtf8(from, ex);
		}
		Tally tally = new Tally();
		try (OutputStream out = Files.newOutputStream(to)) {
			if (!text.isEmpty()) {
				tally.write(Block.of(text), out);
			}
		}
		MessageDigest inputDigest = LandingManifest.newDigest();
		inputDigest.update(input);
		return tally.landed(inputDigest);
	}

	/**
	 * A UTF-8 decoder: in a CSV input a byte that is not UTF-8 becomes U+FFFD, in any
	 * other it fails the copy.
	 */
	private static CharsetDecoder decoder(boolean csv) {
		CodingErrorAction notUtf8 = csv ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
		return StandardCharsets.UTF_8.newDecoder().onMalformedInput(notUtf8).onUnmappableCharacter(notUtf8);
	}

	private static InputFileException notUtf8(Path file, CharacterCodingException ex) {
		return new InputFileException(SecretRedactor.redact(file.toString()) + " is not UTF-8 text", ex);
	}

	private void redact(String text, Deque<Future<Block>> inFlight, Tally tally, OutputStream out) throws IOException {
		if (text.isEmpty()) {
			return;
		}
		inFlight.add(this.redactors.submit(() -> Block.of(text)));
		if (inFlight.size() > this.blocksInFlight) {
			tally.write(next(inFlight), out);
		}
	}

	private static <T> T next(Deque<Future<T>> inFlight) throws IOException {
		try {
			return inFlight.remove().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while redacting");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Where a line too long to hold is cut: after its last comma or white space, where no
	 * secret spans the cut (the load rejects such a line anyway).
	 */
	private static int lastSeparator(CharSequence text) {
		for (int i = text.length() - 1; i > 0; i--) {
			char c = text.charAt(i);
			if (c == ',' || Character.isWhitespace(c)) {
				return i + 1;
			}
		}
		return text.length();
	}

	/**
	 * The last line end in the block just read, or -1: only the new block is searched, so
	 * a long line is scanned once, not once per block.
	 */
	private static int lastLineEnd(char[] block, int length) {
		for (int i = length - 1; i >= 0; i--) {
			if (block[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/** A block of text as redacted and encoded, with its line counts. */
	private record Block(byte[] redacted, int secrets, long lines, long notUtf8Lines, boolean endsMidLine) {

		static Block of(String text) {
			Redaction redaction = SecretRedactor.redaction(text);
			long lines = 0;
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					lines++;
				}
			}
			long notUtf8Lines = (text.indexOf('\uFFFD') < 0) ? 0
					: text.lines().filter((line) -> line.indexOf('\uFFFD') >= 0).count();
			return new Block(redaction.text().getBytes(StandardCharsets.UTF_8), redaction.secrets(), lines,
					notUtf8Lines, text.charAt(text.length() - 1) != '\n');
		}

	}

	/** What the blocks written so far add up to. */
	private static final class Tally {

		private final MessageDigest copy = LandingManifest.newDigest();

		private long lines;

		private int redacted;

		private long notUtf8Lines;

		private boolean midLine;

		private long bytes;

		Landed landed(MessageDigest input) {
			return new Landed(this.lines + (this.midLine ? 1 : 0), this.redacted, this.notUtf8Lines, this.bytes,
					LandingManifest.hex(this.copy.digest()), LandingManifest.hex(input.digest()));
		}

		void write(Block block, OutputStream out) throws IOException {
			out.write(block.redacted());
			this.copy.update(block.redacted());
			this.bytes += block.redacted().length;
			this.lines += block.lines();
			this.redacted += block.secrets();
			this.notUtf8Lines += block.notUtf8Lines();
			this.midLine = block.endsMidLine();
		}

	}

}
