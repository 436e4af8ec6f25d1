package io.keyreview.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The file-drop inputs of one run: a folder of files, or one file beside them. */
public enum InputSource {

	KEYS("keys", true, List.of(".csv"), true), USAGE("usage", true, List.of(".csv"), false),
	PEOPLE("people", true, List.of(".csv"), true), POLICIES("policies", true, List.of(".yaml", ".yml"), false),
	DIRECTORY("owners.yaml", false, List.of(".yaml"), true), ANSWERS("answers", true, List.of(".csv"), false);

	private final String inputName;

	private final boolean folder;

	private final List<String> extensions;

	private final boolean required;

	InputSource(String inputName, boolean folder, List<String> extensions, boolean required) {
		this.inputName = inputName;
		this.folder = folder;
		this.extensions = extensions;
		this.required = required;
	}

	/** The source's name in logs, landing folders and reject files. */
	public String sourceName() {
		return (this == DIRECTORY) ? "directory" : this.inputName;
	}

	/**
	 * The step that loads the source's landed files: {@code loadKeys},
	 * {@code loadDirectory}, …
	 */
	public String loadStep() {
		String name = sourceName();
		return "load" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	public Path inputPath(Path inputs) {
		return inputs.resolve(this.inputName);
	}

	public boolean isFolder() {
		return this.folder;
	}

	public boolean accepts(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return this.extensions.stream().anyMatch(name::endsWith);
	}

	/** Whether the source is rows of CSV, where a bad line costs only that row. */
	public boolean isCsv() {
		return this.extensions.contains(".csv");
	}

	public boolean isRequired() {
		return this.required;
	}

	/** Whether a night without it is worth a warning: answers come only now and then. */
	public boolean isExpectedEveryNight() {
		return this != ANSWERS;
	}

}
