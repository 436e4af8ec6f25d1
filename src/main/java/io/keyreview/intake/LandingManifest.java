package io.keyreview.intake;

import io.keyreview.support.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What landing recorded of one source in its {@code .landed} marker, one line per landed
 * file: its name, line count, size and SHA-256 as landed, and the SHA-256 of the input it
 * was landed from, tab-separated. The load steps check the landed copy against it; the
 * landing of a rerun compares the inputs with it.
 */
public record LandingManifest(List<Entry> entries) {

	public LandingManifest {
		entries = List.copyOf(entries);
	}

	public static LandingManifest read(Path marker) throws IOException {
		return new LandingManifest(Files.readAllLines(marker, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isEmpty())
			.map(Entry::parse)
			.toList());
	}

	public void write(Path marker) throws IOException {
		AtomicFile.writeString(marker, text());
	}

	/** The landed files by name, in name order. */
	public Map<String, Entry> byName() {
		Map<String, Entry> byName = new LinkedHashMap<>();
		this.entries.forEach((entry) -> byName.put(entry.name(), entry));
		return byName;
	}

	/** The checksum of the whole landed copy: it changes when any file of it changes. */
	public String digest() {
		return sha256(text().getBytes(StandardCharsets.UTF_8));
	}

	private String text() {
		StringBuilder text = new StringBuilder();
		this.entries.forEach((entry) -> text.append(entry.line()).append('\n'));
		return text.toString();
	}

	public static String sha256(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = newDigest();
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = in.read(buffer)) != -1) {
				digest.update(buffer, 0, read);
			}
			return hex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(byte[] bytes) {
		return hex(newDigest().digest(bytes));
	}

	/** The lower-case hex of a digest, as the record holds it. */
	public static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	/** A new SHA-256 digest. */
	public static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One landed file. */
	public record Entry(String name, long lines, long bytes, String sha256, String inputSha256) {

		private static final int FIELDS = 5;

		String line() {
			return String.join("\t", this.name, Long.toString(this.lines), Long.toString(this.bytes), this.sha256,
					this.inputSha256);
		}

		/** Reads a line; a name may hold a tab, the other fields cannot. */
		static Entry parse(String line) {
			String[] fields = line.split("\t", -1);
			if (fields.length < FIELDS) {
				throw new IllegalArgumentException("'" + line + "' is not a landed file's record");
			}
			int n = fields.length;
			String name = String.join("\t", List.of(fields).subList(0, n - FIELDS + 1));
			return new Entry(name, Long.parseLong(fields[n - 4]), Long.parseLong(fields[n - 3]), fields[n - 2],
					fields[n - 1]);
		}

	}

}
