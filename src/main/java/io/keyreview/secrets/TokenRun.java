package io.keyreview.secrets;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where a rule without keywords can match, read from its regex: one that starts with
 * {@code (?<![C])([C]{n,} } (no character of the class C before it, then at least n of
 * them) can only match where a run of n or more characters of C starts. Finding those
 * runs is one cheap pass; the regex is tried there only.
 */
final class TokenRun {

	private static final Pattern SHAPE = Pattern.compile("^\\(\\?<!\\[([^\\]\\\\]+)\\]\\)\\(\\[\\1\\]\\{(\\d+),");

	private static final int ASCII = 128;

	private final boolean[] alphabet;

	private final int shortest;

	private TokenRun(boolean[] alphabet, int shortest) {
		this.alphabet = alphabet;
		this.shortest = shortest;
	}

	/** The runs a regex needs, or null when it does not start as described. */
	static @Nullable TokenRun of(String regex) {
		Matcher shape = SHAPE.matcher(regex);
		if (!shape.find()) {
			return null;
		}
		Pattern characterClass = Pattern.compile("[" + shape.group(1) + "]");
		boolean[] alphabet = new boolean[ASCII];
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			boolean member = characterClass.matcher(String.valueOf((char) c)).matches();
			if (c < ASCII) {
				alphabet[c] = member;
			}
			else if (member) {
				// only ASCII classes are read this way
				return null;
			}
		}
		return new TokenRun(alphabet, Integer.parseInt(shape.group(2)));
	}

	/** The starts of the runs of at least the shortest length, in order. */
	int[] starts(String text) {
		int[] starts = new int[0];
		int count = 0;
		int runStart = -1;
		for (int i = 0; i <= text.length(); i++) {
			if (i < text.length() && isTokenCharacter(text.charAt(i))) {
				if (runStart < 0) {
					runStart = i;
				}
				continue;
			}
			if (runStart >= 0 && i - runStart >= this.shortest) {
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, Math.max(8, count * 2));
				}
				starts[count++] = runStart;
			}
			runStart = -1;
		}
		return Arrays.copyOf(starts, count);
	}

	private boolean isTokenCharacter(char c) {
		return c < ASCII && this.alphabet[c];
	}

}
