package io.keyreview.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.keyreview.support.InputFileException;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads landed YAML files one document per file, in name order; the file count is the
 * restart position.
 */
class YamlDocumentReader extends AbstractItemCountingItemStreamItemReader<YamlDocument> {

	private final String source;

	private final List<Path> files;

	private int next;

	YamlDocumentReader(String source, List<Path> files) {
		this.source = source;
		this.files = files;
		setName(source + "Files");
	}

	@Override
	protected @Nullable YamlDocument doRead() throws Exception {
		if (this.next >= this.files.size()) {
			return null;
		}
		Path file = this.files.get(this.next++);
		String name = this.source + "/" + file.getFileName();
		try {
			return new YamlDocument(name, Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new InputFileException(name + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	@Override
	protected void jumpToItem(int itemIndex) {
		this.next = itemIndex;
	}

	@Override
	protected void doOpen() {
		this.next = 0;
	}

	@Override
	protected void doClose() {
	}

}
