package io.keyreview.pull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A source's credential, read from an environment variable or a mounted secret file when
 * a pull starts. It is never stored, and never printed: {@link #toString()} masks it.
 */
final class Credential {

	private final String value;

	private Credential(String value) {
		this.value = value;
	}

	static @Nullable Credential of(SourceSettings source, Function<String, @Nullable String> environment) {
		if (source.credentialFile() != null) {
			try {
				return new Credential(Files.readString(source.credentialFile(), StandardCharsets.UTF_8).strip());
			}
			catch (IOException ex) {
				throw new PullException(source.name() + ": the credential file " + source.credentialFile()
						+ " cannot be read (" + ex.getClass().getSimpleName() + ")");
			}
		}
		if (source.credentialEnv() != null) {
			String value = environment.apply(source.credentialEnv());
			if (value == null || value.isBlank()) {
				throw new PullException(
						source.name() + ": the environment variable " + source.credentialEnv() + " is not set");
			}
			return new Credential(value.strip());
		}
		return null;
	}

	String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return "****";
	}

}
