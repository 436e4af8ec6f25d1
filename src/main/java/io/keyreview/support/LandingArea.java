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

	private final Path root;

	public LandingArea(KeyreviewProperties properties) {
		this.root = properties.landingRoot();
	}

	public Path folder(LocalDate runDate, InputSource source) {
		return this.root.resolve(runDate.toString()).resolve(source.sourceName());
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
	 * Lines in the landed files of a source: the size of its input, for progress reports.
	 */
	public long lineCount(LocalDate runDate, InputSource source) {
		long lines = 0;
		for (Path file : files(runDate, source)) {
			try (Stream<String> fileLines = Files.lines(file)) {
				lines += fileLines.count() - 1;
			}
			catch (IOException | UncheckedIOException ex) {
				return 0;
			}
		}
		return lines;
	}

}
