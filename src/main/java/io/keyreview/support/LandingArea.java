package io.keyreview.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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

	/**
	 * Marks a source landed whole; one line per file: its name, a tab, its line count.
	 */
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
	 * nothing tonight.
	 */
	public List<Path> files(LocalDate runDate, InputSource source) {
		Path folder = folder(runDate, source);
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).filter(source::accepts).sorted().toList();
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
		Path marker = folder(runDate, source).resolve(LANDED_MARKER);
		try (Stream<String> entries = Files.lines(marker)) {
			return entries.mapToLong((entry) -> Long.parseLong(entry.substring(entry.lastIndexOf('\t') + 1)) - 1).sum();
		}
		catch (IOException | UncheckedIOException | NumberFormatException ex) {
			return 0;
		}
	}

}
