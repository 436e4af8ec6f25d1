package io.keyreview.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.keyreview.secrets.Exposure;
import io.keyreview.intake.InputFileException;
import io.keyreview.intake.LandingArea.LandedFiles;
import io.keyreview.secrets.SecretRedactor;

import org.springframework.util.unit.DataSize;

/** A landed YAML file: its name under the landing folder and its text. */
record YamlDocument(String file, String text) {

	/**
	 * Reads a landed file, refused in one sentence when it is larger than the limit or
	 * not the copy landed.
	 */
	static YamlDocument read(String file, Path path, LandedFiles landed, DataSize maxSize) {
		try {
			if (landed.bytes(path) > maxSize.toBytes()) {
				throw new InputFileException(file + " is larger than keyreview.yaml.max-size (" + maxSize.toBytes()
						+ " bytes): shorten it, or raise the setting");
			}
			return new YamlDocument(file, new String(landed.read(path), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new InputFileException(file + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The secrets landing redacted, each at its line, under the YAML key of that line.
	 */
	List<Exposure> exposures() {
		List<Exposure> exposures = new ArrayList<>();
		String[] lines = this.text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			for (String fingerprint : SecretRedactor.fingerprintsIn(lines[i])) {
				exposures.add(new Exposure(this.file, i + 1, yamlKey(lines[i]), fingerprint));
			}
		}
		return exposures;
	}

	/** The first line that holds the value, or 1. */
	long lineOf(String value) {
		String[] lines = this.text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(value)) {
				return i + 1;
			}
		}
		return 1;
	}

	/** The text of a line (1-based), stripped; empty past the end. */
	String lineText(long line) {
		String[] lines = this.text.split("\n", -1);
		return (line >= 1 && line <= lines.length) ? lines[(int) line - 1].strip() : "";
	}

	private static String yamlKey(String line) {
		int colon = line.indexOf(':');
		String key = (colon > 0) ? line.substring(0, colon).strip().replaceFirst("^[-{\\s]+", "") : "";
		return key.isEmpty() ? "value" : key;
	}

}
