package io.keyreview.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.keyreview.KeyreviewApplication;

/**
 * Starts keyreview in a JVM of its own, with the test classpath, its output in a log
 * file: for what only a whole process shows (a kill, a signal, its logging set up from
 * scratch). Its runs are short, so it compiles with C1 only: on two cores, C2 would spend
 * more time compiling than the run takes.
 */
public final class ForkedKeyreview {

	private ForkedKeyreview() {
	}

	public static Process start(Path log, List<String> arguments) throws IOException {
		Files.createDirectories(log.toAbsolutePath().getParent());
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						KeyreviewApplication.class.getName()));
		command.addAll(arguments);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

}
