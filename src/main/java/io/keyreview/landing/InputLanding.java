package io.keyreview.landing;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
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
 * secret-looking value is replaced by its fingerprint. A source lands once per run date:
 * a restart reads exactly what the failed attempt read, even if the file drop changed
 * since.
 */
class InputLanding {

	private static final Logger logger = LoggerFactory.getLogger(InputLanding.class);

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
			// a secret in a file name lands as its fingerprint, like one in a line
			LandedFile landed = copyRedacted(file,
					target.resolve(SecretRedactor.redact(file.getFileName().toString())));
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
			throw new InputFileException(
					SecretRedactor.redact(file.toString()) + " cannot be read (check its permissions)");
		}
		if (source.isRequired() && Files.size(file) == 0) {
			throw new InputFileException(SecretRedactor.redact(file.toString()) + " is empty, and "
					+ source.sourceName() + " is a required input");
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
	private static LandedFile copyRedacted(Path from, Path to) throws IOException {
		LandedFile landed = new LandedFile(to.getFileName().toString());
		try (Reader in = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
			AtomicFile.writeText(to, (out) -> {
				char[] buffer = new char[1 << 16];
				StringBuilder pending = new StringBuilder();
				int read;
				while ((read = in.read(buffer)) != -1) {
					pending.append(buffer, 0, read);
					int end = pending.lastIndexOf("\n") + 1;
					if (end > 0) {
						landed.write(pending.substring(0, end), out);
						pending.delete(0, end);
					}
				}
				landed.write(pending.toString(), out);
			});
		}
		catch (MalformedInputException ex) {
			throw new InputFileException(SecretRedactor.redact(from.toString()) + " is not UTF-8 text", ex);
		}
		return landed;
	}

	private static final class LandedFile {

		private final String name;

		private long lines;

		private int redacted;

		LandedFile(String name) {
			this.name = name;
		}

		void write(String text, Writer out) throws IOException {
			String redactedText = SecretRedactor.redact(text);
			out.write(redactedText);
			this.lines += text.chars().filter((c) -> c == '\n').count()
					+ (text.endsWith("\n") || text.isEmpty() ? 0 : 1);
			this.redacted += SecretRedactor.fingerprintsIn(redactedText).size()
					- SecretRedactor.fingerprintsIn(text).size();
		}

	}

}
