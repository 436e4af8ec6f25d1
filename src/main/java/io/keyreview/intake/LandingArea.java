package io.keyreview.intake;

import io.keyreview.support.KeyreviewProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The dated landing folders ({@code <landing>/<runDate>/<source>/}) that every load step
 * reads from.
 */
@Component
public class LandingArea {

	/** Marks a source landed whole; it holds the source's {@link LandingManifest}. */
	public static final String LANDED_MARKER = ".landed";

	private final Path root;

	public LandingArea(KeyreviewProperties properties) {
		this.root = properties.landingRoot();
	}

	public Path folder(LocalDate runDate, InputSource source) {
		return this.root.resolve(runDate.toString()).resolve(source.sourceName());
	}

	/**
	 * Where the pages pulled from a configured source land:
	 * {@code <landing>/<date>/pulled/<name>/}.
	 */
	public Path pulledFolder(LocalDate runDate, String sourceName) {
		return this.root.resolve(runDate.toString()).resolve("pulled").resolve(sourceName);
	}

	/**
	 * Where the pulled pages, mapped to canonical CSV, wait for the landing:
	 * {@code <landing>/<date>/mapped/<source>/<name>.csv}.
	 */
	public Path mappedFolder(LocalDate runDate, InputSource source) {
		return this.root.resolve(runDate.toString()).resolve("mapped").resolve(source.sourceName());
	}

	/**
	 * The landed files of one source, in name order; empty when the source delivered
	 * nothing tonight. Fails with a sentence when they are not what landing recorded: the
	 * folder or its marker missing, a file missing, added, or changed in size or
	 * checksum.
	 */
	public List<Path> files(LocalDate runDate, InputSource source) {
		LandedFiles landed = landedFiles(runDate, source);
		for (Path file : landed.files()) {
			landed.verify(file, size(file), LandingManifest.sha256(file));
		}
		return landed.files();
	}

	/**
	 * The same files, checked now only by name: each file's size and checksum are checked
	 * as {@link LandedFiles#read} reads it, so that a source of many small files is read
	 * once, not twice.
	 */
	public LandedFiles landedFiles(LocalDate runDate, InputSource source) {
		Path folder = folder(runDate, source);
		LandingManifest manifest = manifest(runDate, source)
			.orElseThrow(() -> new LandedCopyException(folder + " is missing, though this run landed "
					+ source.sourceName() + " there: restore it (or set keyreview.out back to where it landed)"));
		Map<String, LandingManifest.Entry> recorded = manifest.byName();
		List<Path> files = list(folder, source);
		for (Path file : files) {
			if (!recorded.containsKey(file.getFileName().toString())) {
				throw new LandedCopyException(folder + " holds " + file.getFileName()
						+ ", which this run did not land: remove it (new input goes in the input folder)");
			}
		}
		if (files.size() != recorded.size()) {
			Set<Path> listed = Set.copyOf(files);
			for (String name : recorded.keySet()) {
				if (!listed.contains(folder.resolve(name))) {
					throw new LandedCopyException(
							folder + "/" + name + " is missing, though this run landed it: restore it");
				}
			}
		}
		return new LandedFiles(files, recorded);
	}

	/** A source's landed files and what landing recorded of each. */
	public record LandedFiles(List<Path> files, Map<String, LandingManifest.Entry> recorded) {

		/** The size landing recorded of a file. */
		public long bytes(Path file) {
			return this.recorded.get(file.getFileName().toString()).bytes();
		}

		/**
		 * The file's bytes, failing with a sentence when they are not the copy landed
		 * (its size checked before it is read, so that no larger file is read whole).
		 */
		public byte[] read(Path file) throws IOException {
			checkSize(file, Files.size(file));
			byte[] bytes = Files.readAllBytes(file);
			verify(file, bytes.length, LandingManifest.hex(LandingManifest.newDigest().digest(bytes)));
			return bytes;
		}

		void verify(Path file, long bytes, String sha256) {
			checkSize(file, bytes);
			if (!sha256.equals(this.recorded.get(file.getFileName().toString()).sha256())) {
				throw notLanded(file, "its checksum differs");
			}
		}

		private void checkSize(Path file, long bytes) {
			long landed = bytes(file);
			if (bytes != landed) {
				throw notLanded(file, "it has " + bytes + " bytes where " + landed + " landed");
			}
		}

		private static LandedCopyException notLanded(Path file, String problem) {
			return new LandedCopyException(file + " is not the copy landed for this run: " + problem
					+ "; restore it, or correct the input instead (a changed input lands again)");
		}

	}

	/**
	 * What landing recorded of a source for a run date; empty when it did not land there
	 * (or not completely).
	 */
	public Optional<LandingManifest> manifest(LocalDate runDate, InputSource source) {
		Path marker = folder(runDate, source).resolve(LANDED_MARKER);
		if (!Files.isRegularFile(marker)) {
			return Optional.empty();
		}
		try {
			return Optional.of(LandingManifest.read(marker));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalArgumentException ex) {
			throw new LandedCopyException(marker + " is not a landing record (" + ex.getMessage()
					+ "): restore it, it says what landed for this run");
		}
	}

	private static List<Path> list(Path folder, InputSource source) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).filter(source::accepts).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Resource[] resources(LocalDate runDate, InputSource source) {
		return files(runDate, source).stream().map(FileSystemResource::new).toArray(Resource[]::new);
	}

	/**
	 * Rows in the landed files of a source (lines less the header), as landing counted
	 * them in the folder's marker: the size of its input, for progress reports.
	 */
	public long lineCount(LocalDate runDate, InputSource source) {
		try {
			return manifest(runDate, source).map((
					manifest) -> manifest.entries().stream().mapToLong((entry) -> Math.max(0, entry.lines() - 1)).sum())
				.orElse(0L);
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

}
