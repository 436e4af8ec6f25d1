package io.keyreview.support;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file whole or not at all: the content goes to {@code <file>.partial},
 * which replaces the file only when complete, so a crash leaves either the old file or
 * the new one and a rerun simply writes it again. Writes reach the file through a buffer:
 * a MIME message is written a byte at a time.
 */
public final class AtomicFile {

	private AtomicFile() {
	}

	/** What is written, to a stream the caller need not close. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** UTF-8 text, to a writer the caller need not close. */
	@FunctionalInterface
	public interface Text {

		void writeTo(Writer out) throws IOException;

	}

	public static void write(Path file, Content content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
			content.writeTo(out);
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	public static void writeText(Path file, Text text) throws IOException {
		write(file, (out) -> {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
			text.writeTo(writer);
			writer.flush();
		});
	}

	public static void writeString(Path file, String text) throws IOException {
		writeText(file, (out) -> out.write(text));
	}

}
