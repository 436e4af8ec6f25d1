package io.keyreview.landing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import io.keyreview.intake.InputFileException;
import io.keyreview.intake.InputSource;
import io.keyreview.intake.LandingArea;
import io.keyreview.intake.LandingManifest;
import io.keyreview.secrets.SecretRedactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Copies tonight's inputs into the landing folder, byte for byte except that every
 * secret-looking value is replaced by its fingerprint, and records what landed (see
 * {@link LandingManifest}). In a CSV input a byte that is not UTF-8 lands as U+FFFD, and
 * the load rejects the row that holds it; a YAML input that is not UTF-8 fails. A rerun
 * of the date lands again only a source whose input changed (by checksum) and whose load
 * has not completed, so a corrected input is picked up while a restart otherwise reads
 * exactly what the failed attempt read. A landed copy that has gone is never landed again
 * under a load that started reading it: that load fails and says so.
 */
class InputLanding {

	private static final Logger logger = LoggerFactory.getLogger(InputLanding.class);

	/** How far this run got with loading a source. */
	enum Loading {

		NOT_STARTED, STARTED, COMPLETED

	}

	private final Path inputs;

	private final LandingArea landingArea;

	private final RedactingCopy copy;

	InputLanding(Path inputs, LandingArea landingArea, RedactingCopy copy) {
		this.inputs = inputs;
		this.landingArea = landingArea;
		this.copy = copy;
	}

	void land(LocalDate runDate, Function<InputSource, Loading> loading) throws IOException {
		for (InputSource source : InputSource.values()) {
			land(runDate, source, loading.apply(source));
		}
	}

	private void land(LocalDate runDate, InputSource source, Loading loading) throws IOException {
		if (loading == Loading.COMPLETED) {
			logger.info("{}: already landed and loaded for {}", source.sourceName(), runDate);
			return;
		}
		Path target = this.landingArea.folder(runDate, source);
		Optional<LandingManifest> landed = this.landingArea.manifest(runDate, source);
		if (landed.isPresent()) {
			List<String> changed = inputGone(source) ? List.of() : changes(landed.get(), inputFiles(runDate, source));
			if (changed.isEmpty()) {
				logger.info("{}: already landed for {} in {}", source.sourceName(), runDate, target);
				return;
			}
			logger.info("{}: {} changed since it landed for {}; landing it again, and {} starts it over",
					source.sourceName(), String.join(", ", changed), runDate, source.loadStep());
		}
		else if (loading == Loading.STARTED && !Files.isDirectory(target)) {
			logger.warn("{}: {} is gone, though this run landed it and {} started reading it", source.sourceName(),
					target, source.loadStep());
			return;
		}
		land(target, source, inputFiles(runDate, source));
	}

	private void land(Path target, InputSource source, List<Path> files) throws IOException {
		Files.createDirectories(target);
		Files.deleteIfExists(target.resolve(LandingArea.LANDED_MARKER));
		try (Stream<Path> earlier = Files.list(target)) {
			for (Path file : earlier.toList()) {
				FileSystemUtils.deleteRecursively(file);
			}
		}
		int redacted = 0;
		long bytes = 0;
		List<Path> copies = files.stream().map((file) -> target.resolve(landedName(file))).toList();
		List<RedactingCopy.Landed> copied = this.copy.copy(files, copies, source.isCsv());
		List<LandingManifest.Entry> entries = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			Path file = files.get(i);
			RedactingCopy.Landed landed = copied.get(i);
			if (landed.notUtf8Lines() > 0) {
				logger.warn("{}: {} line(s) of {} are not UTF-8 text; their rows will be rejected", source.sourceName(),
						landed.notUtf8Lines(), file.getFileName());
			}
			redacted += landed.redacted();
			bytes += Files.size(file);
			entries.add(new LandingManifest.Entry(copies.get(i).getFileName().toString(), landed.lines(),
					landed.bytes(), landed.sha256(), landed.inputSha256()));
		}
		new LandingManifest(entries).write(target.resolve(LandingArea.LANDED_MARKER));
		logger.info("{}: landed {} file(s), {} bytes, {} secret(s) redacted, in {}", source.sourceName(), files.size(),
				bytes, redacted, target);
	}

	/** The inputs added, removed or changed since the source landed. */
	private static List<String> changes(LandingManifest landed, List<Path> files) {
		Map<String, String> now = new TreeMap<>();
		files.forEach((file) -> now.put(landedName(file), LandingManifest.sha256(file)));
		Map<String, String> then = new TreeMap<>();
		landed.entries().forEach((entry) -> then.put(entry.name(), entry.inputSha256()));
		Set<String> names = new TreeSet<>(now.keySet());
		names.addAll(then.keySet());
		return names.stream().filter((name) -> !Objects.equals(now.get(name), then.get(name))).toList();
	}

	/**
	 * Whether the file drop holds no file of the source any more (a drop cleared after
	 * landing): the landed copy then stays as it is. The pulled sources' files need no
	 * check: they are mapped before the first landing and never again for the date.
	 */
	private boolean inputGone(InputSource source) throws IOException {
		Path input = source.inputPath(this.inputs);
		return source.isFolder() ? acceptedFiles(input, source).isEmpty() : !Files.isRegularFile(input);
	}

	private static List<Path> acceptedFiles(Path folder, InputSource source) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.filter(Files::isRegularFile).filter(source::accepts).sorted().toList();
		}
	}

	/** A secret in a file name lands as its fingerprint, like one in a line. */
	private static String landedName(Path file) {
		return SecretRedactor.redact(file.getFileName().toString());
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
		if (source.isExpectedEveryNight()) {
			logger.warn("{}: {}; nothing to load tonight", source.sourceName(), problem);
		}
		return List.of();
	}

}
