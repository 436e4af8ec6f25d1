package io.keyreview.landing;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

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

	private static final String LANDED_MARKER = ".landed";

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
		if (Files.exists(target.resolve(LANDED_MARKER))) {
			logger.info("{}: already landed for {} in {}", source.sourceName(), runDate, target);
			return;
		}
		List<Path> files = inputFiles(source);
		FileSystemUtils.deleteRecursively(target);
		Files.createDirectories(target);
		int redacted = 0;
		long bytes = 0;
		for (Path file : files) {
			redacted += copyRedacted(file, target.resolve(file.getFileName()));
			bytes += Files.size(file);
		}
		Files.createFile(target.resolve(LANDED_MARKER));
		logger.info("{}: landed {} file(s), {} bytes, {} secret(s) redacted, in {}", source.sourceName(), files.size(),
				bytes, redacted, target);
	}

	private List<Path> inputFiles(InputSource source) throws IOException {
		Path input = source.inputPath(this.inputs);
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
			return missing(source, input + " holds no input files");
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
	 * Copies one file with its line endings kept, returning how many secrets were
	 * redacted.
	 */
	private static int copyRedacted(Path from, Path to) throws IOException {
		Path partial = to.resolveSibling(to.getFileName() + ".partial");
		int redacted = 0;
		try (Reader in = new BufferedReader(Files.newBufferedReader(from, StandardCharsets.UTF_8), 1 << 16);
				Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16)) {
			StringBuilder line = new StringBuilder(256);
			int c;
			while ((c = in.read()) != -1) {
				line.append((char) c);
				if (c == '\n') {
					redacted += writeRedacted(line, out);
				}
			}
			redacted += writeRedacted(line, out);
		}
		catch (MalformedInputException ex) {
			throw new InputFileException(from + " is not UTF-8 text", ex);
		}
		Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return redacted;
	}

	private static int writeRedacted(StringBuilder line, Writer out) throws IOException {
		String text = line.toString();
		String redacted = SecretRedactor.redact(text);
		out.write(redacted);
		line.setLength(0);
		return SecretRedactor.fingerprintsIn(redacted).size() - SecretRedactor.fingerprintsIn(text).size();
	}

}
