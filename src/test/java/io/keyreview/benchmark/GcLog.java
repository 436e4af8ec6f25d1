package io.keyreview.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's {@code -Xlog:gc,gc+heap+exit} file says about its heap: the most it held
 * when a collection started (or at exit, if more), the most it still held after one, and
 * the collections' pauses.
 *
 * @param collections garbage collections logged
 * @param maxBeforeMb the largest heap occupancy before a collection or at exit, in MB
 * @param maxAfterMb the largest occupancy a young, mixed or full collection left, in MB:
 * the live set's peak, with what old garbage no concurrent cycle had reclaimed yet (G1's
 * Remark and Cleanup pauses reclaim nothing and are left out)
 * @param pauseSeconds the pauses added up
 * @param collector the collector the JVM chose
 */
record GcLog(int collections, double maxBeforeMb, double maxAfterMb, double pauseSeconds, String collector) {

	private static final Pattern PAUSE = Pattern
		.compile("GC\\(\\d+\\) Pause (\\w+).*? (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\) ([\\d.]+)ms");

	private static final Pattern EXIT = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

	private static final Pattern USING = Pattern.compile("\\[gc\\s*\\] Using (.+)$");

	static GcLog read(Path file) throws IOException {
		int collections = 0;
		double before = 0;
		double after = 0;
		double pauses = 0;
		String collector = "?";
		for (String line : Files.readAllLines(file)) {
			Matcher pause = PAUSE.matcher(line);
			if (pause.find()) {
				pauses += Double.parseDouble(pause.group(8)) / 1000;
				if (!pause.group(1).equals("Remark") && !pause.group(1).equals("Cleanup")) {
					collections++;
					before = Math.max(before, mb(pause.group(2), pause.group(3)));
					after = Math.max(after, mb(pause.group(4), pause.group(5)));
				}
				continue;
			}
			Matcher exit = EXIT.matcher(line);
			if (exit.find()) {
				before = Math.max(before, Long.parseLong(exit.group(2)) / 1024.0);
				continue;
			}
			Matcher using = USING.matcher(line);
			if (using.find()) {
				collector = using.group(1).strip();
			}
		}
		return new GcLog(collections, before, after, pauses, collector);
	}

	private static double mb(String value, String unit) {
		double number = Double.parseDouble(value);
		return switch (unit) {
			case "K" -> number / 1024;
			case "G" -> number * 1024;
			default -> number;
		};
	}

}
