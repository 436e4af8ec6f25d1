package io.keyreview.landing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.keyreview.support.AtomicFile;
import io.keyreview.support.InputFileException;
import io.keyreview.support.InputSource;
import io.keyreview.support.LandingArea;
import io.keyreview.support.SecretRedactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Copies tonight's inputs into the landing folder, byte for byte except that every
 * secret-looking value is replaced by its fingerprint. In a CSV input a byte that is not
 * UTF-8 lands as U+FFFD, and the load rejects the row that holds it; a YAML input that is
 * not UTF-8 fails. A source lands once per run date: a restart reads exactly what the
 * failed attempt read, even if the file drop changed since.
 */
class InputLanding {

	private static final Logger logger = LoggerFactory.getLogger(InputLanding.class);

	/** The most text held while looking for the end of a line. */
	private static final int LONGEST_PENDING_TEXT = 1 << 20;

	private final Path inputs;

	private final LandingArea landingArea;

	InputLanding(Path inputs, LandingArea landingArea) {
		this.inputs = inputs;
		this.landingArea = landingArea;
	}

	void land(LocalDate runDate) throws IOException {
		for (InputSource source : InputSource.values()) {
			land(runDate, source);
		}
	}

	private void land(LocalDate runDate, InputSource source) throws IOException {
		Path target = this.landingArea.folder(runDate, source);
		if (Files.exists(target.resolve(LandingArea.LANDED_MARKER))) {
			logger.info("{}: already landed for {} in {}", source.sourceName(), runDate, target);
			return;
		}
		List<Path> files = inputFiles(runDate, source);
		FileSystemUtils.deleteRecursively(target);
		Files.createDirectories(target);
		int redacted = 0;
		long bytes = 0;
		List<String> lineCounts = new ArrayList<>();
		for (Path file : files) {
			LandedFile landed = copyRedacted(file, target.resolve(file.getFileName()), source.isCsv());
			if (landed.notUtf8Lines > 0) {
				logger.warn("{}: {} line(s) of {} are not UTF-8 text; their rows will be rejected", source.sourceName(),
						landed.notUtf8Lines, file.getFileName());
			}
			redacted += landed.redacted;
			bytes += Files.size(file);
			lineCounts.add(landed.name + "\t" + landed.lines);
		}
		Files.write(target.resolve(LandingArea.LANDED_MARKER), lineCounts);
		logger.info("{}: landed {} file(s), {} bytes, {} secret(s) redacted, in {}", source.sourceName(), files.size(),
				bytes, redacted, target);
	}

	/**
	 * The file drop's files and the pulled sources' mapped files, which must not share a
	 * name.
	 */
	private List<Path> inputFiles(LocalDate runDate, InputSource source) throws IOException {
		List<Path> mapped = new ArrayList<>();
		Path mappedFolder = this.landingArea.mappedFolder(runDate, source);
		if (Files.isDirectory(mappedFolder)) {
			try (Stream<Path> listing = Files.list(mappedFolder)) {
				listing.filter(Files::isRegularFile).filter(source::accepts).sorted().forEach(mapped::add);
			}
		}
		List<Path> files = new ArrayList<>(droppedFiles(source, !mapped.isEmpty()));
		for (Path pulled : mapped) {
			if (files.stream().anyMatch((file) -> file.getFileName().equals(pulled.getFileName()))) {
				throw new InputFileException(source.inputPath(this.inputs).resolve(pulled.getFileName())
						+ " has the name of a pulled source's file; rename the file or the source");
			}
			files.add(pulled);
		}
		return files;
	}

	private List<Path> droppedFiles(InputSource source, boolean pulledAny) throws IOException {
		Path input = source.inputPath(this.inputs);
		if (pulledAny && !Files.exists(input)) {
			return List.of();
		}
		if (!source.isFolder()) {
			if (Files.isRegularFile(input)) {
				return List.of(requireReadable(source, input));
			}
			return missing(source, input + " does not exist");
		}
		if (!Files.isDirectory(input)) {
			return missing(source, input + " is not a folder");
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(input)) {
			files = listing.filter(Files::isRegularFile).filter(source::accepts).sorted().toList();
		}
		if (files.isEmpty()) {
			return pulledAny ? files : missing(source, input + " holds no input files");
		}
		for (Path file : files) {
			requireReadable(source, file);
		}
		return files;
	}

	private Path requireReadable(InputSource source, Path file) throws IOException {
		if (!Files.isReadable(file)) {
			throw new InputFileException(file + " cannot be read (check its permissions)");
		}
		if (source.isRequired() && Files.size(file) == 0) {
			throw new InputFileException(file + " is empty, and " + source.sourceName() + " is a required input");
		}
		return file;
	}

	private List<Path> missing(InputSource source, String problem) {
		if (source.isRequired()) {
			throw new InputFileException(problem + ", and " + source.sourceName() + " is a required input");
		}
		logger.warn("{}: {}; nothing to load tonight", source.sourceName(), problem);
		return List.of();
	}

	/**
	 * Copies one file with its line endings kept, a block of whole lines at a time (a
	 * secret never spans lines), and says how many lines it had and how many secrets were
	 * redacted.
	 */
	private static LandedFile copyRedacted(Path from, Path to, boolean csv) throws IOException {
		LandedFile landed = new LandedFile(from.getFileName().toString());
		CodingErrorAction notUtf8 = csv ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(notUtf8)
			.onUnmappableCharacter(notUtf8);
		try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(from), decoder))) {
			AtomicFile.writeText(to, (out) -> {
				char[] buffer = new char[1 << 16];
				StringBuilder pending = new StringBuilder();
				int read;
				while ((read = in.read(buffer)) != -1) {
					pending.append(buffer, 0, read);
					int end = pending.lastIndexOf("\n") + 1;
					if (end == 0 && pending.length() > LONGEST_PENDING_TEXT) {
						end = lastSeparator(pending);
					}
					if (end > 0) {
						landed.write(pending.substring(0, end), out);
						pending.delete(0, end);
					}
				}
				landed.write(pending.toString(), out);
				landed.finish();
			});
		}
		catch (MalformedInputException ex) {
			throw new InputFileException(from + " is not UTF-8 text", ex);
		}
		return landed;
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

	private static final class LandedFile {

		private final String name;

		private long lines;

		private int redacted;

		private long notUtf8Lines;

		private boolean midLine;

		LandedFile(String name) {
			this.name = name;
		}

		void write(String text, Writer out) throws IOException {
			String redactedText = SecretRedactor.redact(text);
			out.write(redactedText);
			this.lines += text.chars().filter((c) -> c == '\n').count();
			if (!text.isEmpty()) {
				this.midLine = !text.endsWith("\n");
			}
			this.redacted += SecretRedactor.fingerprintsIn(redactedText).size()
					- SecretRedactor.fingerprintsIn(text).size();
			if (text.indexOf('\uFFFD') >= 0) {
				this.notUtf8Lines += text.lines().filter((line) -> line.indexOf('\uFFFD') >= 0).count();
			}
		}

		void finish() {
			if (this.midLine) {
				this.lines++;
			}
		}

	}

}
