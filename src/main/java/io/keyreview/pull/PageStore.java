package io.keyreview.pull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.keyreview.support.AtomicFile;
import io.keyreview.secrets.SecretRedactor;
import org.jspecify.annotations.Nullable;

/**
 * The pages of one endpoint as they landed, under
 * {@code <landing>/<date>/pulled/<source>/<endpoint>/}: {@code page-0001.json}, …
 * (secrets redacted, nothing else changed), an index of where each came from and where
 * the next one is, and a marker once the last page landed. A restart continues after the
 * last landed page and never fetches a landed page again.
 */
class PageStore {

	private static final String INDEX = "pages.tsv";

	private static final String COMPLETE = ".complete";

	private final Path folder;

	PageStore(Path folder) {
		this.folder = folder;
	}

	boolean complete() {
		return Files.exists(this.folder.resolve(COMPLETE));
	}

	List<Path> pages() {
		return entries().stream().map((entry) -> this.folder.resolve(entry[0])).toList();
	}

	/** Where to go on from: the next page of the last landed one, or {@code null}. */
	@Nullable URI resumeFrom() {
		List<String[]> entries = entries();
		if (entries.isEmpty()) {
			return null;
		}
		String next = entries.get(entries.size() - 1)[2];
		return next.isEmpty() ? null : URI.create(next);
	}

	int size() {
		return entries().size();
	}

	void land(Page page, @Nullable URI next) {
		try {
			Files.createDirectories(this.folder);
			String name = "page-%04d.json".formatted(size() + 1);
			AtomicFile.writeString(this.folder.resolve(name), SecretRedactor.redact(page.body()));
			Files.writeString(this.folder.resolve(INDEX),
					name + "\t" + page.uri() + "\t" + ((next != null) ? next : "") + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot land a page in " + this.folder, ex);
		}
	}

	void markComplete() {
		try {
			Files.createDirectories(this.folder);
			Files.writeString(this.folder.resolve(COMPLETE), "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<String[]> entries() {
		Path index = this.folder.resolve(INDEX);
		if (!Files.exists(index)) {
			return List.of();
		}
		try {
			List<String[]> entries = new ArrayList<>();
			for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					entries.add(line.split("\t", -1));
				}
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
