package io.keyreview.policy;

import java.nio.file.Path;
import java.util.List;

import io.keyreview.intake.LandingArea.LandedFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.util.unit.DataSize;

/**
 * Reads landed YAML files one document per file, in name order; the file count is the
 * restart position.
 */
class YamlDocumentReader extends AbstractItemCountingItemStreamItemReader<YamlDocument> {

	private final String source;

	private final LandedFiles landed;

	private final List<Path> files;

	private final DataSize maxSize;

	private int next;

	YamlDocumentReader(String source, LandedFiles landed, DataSize maxSize) {
		this.source = source;
		this.landed = landed;
		this.files = landed.files();
		this.maxSize = maxSize;
		setName(source + "Files");
	}

	@Override
	protected @Nullable YamlDocument doRead() {
		if (this.next >= this.files.size()) {
			return null;
		}
		Path file = this.files.get(this.next++);
		return YamlDocument.read(this.source + "/" + file.getFileName(), file, this.landed, this.maxSize);
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
