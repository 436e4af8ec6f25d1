package io.keyreview.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.keyreview.intake.InputFileException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The landed pages of one source, by endpoint. */
class PulledPages {

	private final Path folder;

	PulledPages(Path folder) {
		this.folder = folder;
	}

	/** The pages of one endpoint, in order. */
	List<JsonNode> of(String endpoint) {
		List<JsonNode> pages = new ArrayList<>();
		for (Path page : new PageStore(this.folder.resolve(endpoint)).pages()) {
			try {
				pages.add(SourcePull.JSON.readTree(Files.readString(page)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (JacksonException ex) {
				throw new InputFileException(page + " is not JSON once what looked like a secret in it was redacted ("
						+ ex.getOriginalMessage().lines().findFirst().orElse("not JSON")
						+ "); look at what the source sent near that point", ex);
			}
		}
		return pages;
	}

	/**
	 * The endpoints whose name starts with a prefix ({@code api_keys-} of every project).
	 */
	List<String> endpointsStartingWith(String prefix) {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		try (Stream<Path> endpoints = Files.list(this.folder)) {
			return endpoints.map((path) -> path.getFileName().toString())
				.filter((name) -> name.startsWith(prefix))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
