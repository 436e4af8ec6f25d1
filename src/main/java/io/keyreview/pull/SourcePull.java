package io.keyreview.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.http.HttpHeaders;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.keyreview.secrets.SecretRedactor;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lands every page of one source for a run date: fetched over HTTP when the source has a
 * base URL, else copied from its saved responses ({@code <endpoint>.json} or
 * {@code <endpoint>.<n>.json}). Endpoints already landed are not fetched again, and a
 * partly landed one goes on after its last page.
 */
class SourcePull {

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final SourceSettings source;

	private final Path folder;

	private final @Nullable Credential credential;

	SourcePull(SourceSettings source, Path folder, @Nullable Credential credential) {
		this.source = source;
		this.folder = folder;
		this.credential = credential;
	}

	/** Lands what is not landed yet and says how many pages were fetched now. */
	int pull(LocalDate runDate) {
		PageClient client = new PageClient(this.source, this.credential);
		Deque<Endpoint> endpoints = new ArrayDeque<>(SourcePlan.roots(this.source, runDate));
		int fetched = 0;
		while (!endpoints.isEmpty()) {
			Endpoint endpoint = endpoints.poll();
			PageStore store = new PageStore(this.folder.resolve(endpoint.name()));
			if (!store.complete()) {
				fetched += fetch(client, endpoint, store);
			}
			endpoints.addAll(SourcePlan.children(this.source, endpoint, () -> parse(store.pages())));
		}
		return fetched;
	}

	/** Copies the saved responses a glob names; says how many. */
	int landSaved(String glob) {
		List<Path> files = savedFiles(glob);
		if (files.isEmpty()) {
			throw new PullException(this.source.name() + ": has no base-url, and no saved response matches " + glob);
		}
		for (Path file : files) {
			String name = file.getFileName().toString();
			PageStore store = new PageStore(this.folder.resolve(name.substring(0, name.indexOf('.'))));
			if (store.complete()) {
				continue;
			}
			try {
				String body = Files.readString(file, StandardCharsets.UTF_8);
				parse(body, file.toString());
				store.land(new Page(file.toUri(), HttpHeaders.of(Map.of(), (header, value) -> true), body), null);
			}
			catch (IOException ex) {
				throw new PullException(this.source.name() + ": " + file + " cannot be read as UTF-8 text");
			}
		}
		files.stream()
			.map((file) -> file.getFileName().toString())
			.map((name) -> name.substring(0, name.indexOf('.')))
			.distinct()
			.forEach((endpoint) -> new PageStore(this.folder.resolve(endpoint)).markComplete());
		return files.size();
	}

	/**
	 * The files a glob matches, in name order; the glob's folder is the part before its
	 * first wildcard.
	 */
	private static List<Path> savedFiles(String glob) {
		int wildcard = glob.replace('\\', '/').split("[*?\\[{]", 2)[0].lastIndexOf('/');
		Path folder = Path.of((wildcard >= 0) ? glob.substring(0, wildcard + 1) : ".");
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> listing = Files.walk(folder)) {
			return listing.filter(Files::isRegularFile)
				.filter((file) -> matcher.matches(file) || matcher.matches(folder.relativize(file)))
				.sorted(Comparator.comparing((Path file) -> file.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int fetch(PageClient client, Endpoint endpoint, PageStore store) {
		java.net.URI next = (store.size() == 0) ? endpoint.first() : store.resumeFrom();
		int fetched = 0;
		while (next != null) {
			Page page = client.get(next);
			JsonNode body = parse(page.body(),
					this.source.name() + " " + endpoint.name() + " page " + (store.size() + 1));
			next = endpoint.paging().next(page, body);
			store.land(page, next);
			fetched++;
		}
		store.markComplete();
		return fetched;
	}

	private List<JsonNode> parse(List<Path> pages) {
		List<JsonNode> bodies = new ArrayList<>();
		for (Path page : pages) {
			try {
				bodies.add(parse(Files.readString(page, StandardCharsets.UTF_8), page.toString()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return bodies;
	}

	private JsonNode parse(String body, String what) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new PullException(this.source.name() + ": " + what + " is not JSON: "
					+ SecretRedactor.redact(ex.getOriginalMessage()));
		}
	}

}
