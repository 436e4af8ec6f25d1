package io.keyreview.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Finds where any of the rules' keywords occurs in a text in one pass over it, however
 * many keywords there are (an Aho-Corasick automaton). ASCII letters compare without
 * case, as the keywords are lower case ASCII.
 */
final class KeywordSearch {

	private static final int ASCII = 128;

	private final int[] keywordLengths;

	/** The state after a state and an ASCII character: {@code state * ASCII + c}. */
	private final int[] next;

	/** The keywords that end in each state, or null. */
	private final int[][] endingIn;

	KeywordSearch(List<String> keywords) {
		this.keywordLengths = keywords.stream().mapToInt(String::length).toArray();
		int most = 1 + keywords.stream().mapToInt(String::length).sum();
		int[] next = new int[most * ASCII];
		Arrays.fill(next, -1);
		List<int[]> endingIn = new ArrayList<>();
		endingIn.add(null);
		for (int keyword = 0; keyword < keywords.size(); keyword++) {
			int state = 0;
			for (char c : keywords.get(keyword).toCharArray()) {
				if (c >= ASCII || (c >= 'A' && c <= 'Z')) {
					throw new IllegalArgumentException(
							"keyword '" + keywords.get(keyword) + "' is not lower case ASCII");
				}
				if (next[state * ASCII + c] < 0) {
					next[state * ASCII + c] = endingIn.size();
					endingIn.add(null);
				}
				state = next[state * ASCII + c];
			}
			endingIn.set(state, with(endingIn.get(state), keyword));
		}
		int[] fallback = new int[endingIn.size()];
		Queue<Integer> breadthFirst = new ArrayDeque<>();
		for (int c = 0; c < ASCII; c++) {
			if (next[c] < 0) {
				next[c] = 0;
			}
			else {
				breadthFirst.add(next[c]);
			}
		}
		while (!breadthFirst.isEmpty()) {
			int state = breadthFirst.remove();
			int[] inherited = endingIn.get(fallback[state]);
			if (inherited != null) {
				for (int keyword : inherited) {
					endingIn.set(state, with(endingIn.get(state), keyword));
				}
			}
			for (int c = 0; c < ASCII; c++) {
				int child = next[state * ASCII + c];
				int viaFallback = next[fallback[state] * ASCII + c];
				if (child < 0) {
					next[state * ASCII + c] = viaFallback;
				}
				else {
					fallback[child] = viaFallback;
					breadthFirst.add(child);
				}
			}
		}
		this.next = Arrays.copyOf(next, endingIn.size() * ASCII);
		this.endingIn = endingIn.toArray(new int[0][]);
	}

	/** Where each keyword (by its index) starts in the text, in order. */
	Hits search(String text) {
		Hits hits = new Hits(this.keywordLengths.length);
		int state = 0;
		for (int i = 0; i < text.length(); i++) {
			int c = text.charAt(i);
			if (c >= ASCII) {
				// no keyword holds it, so none spans it
				state = 0;
				continue;
			}
			if (c >= 'A' && c <= 'Z') {
				c += 'a' - 'A';
			}
			state = this.next[state * ASCII + c];
			int[] ending = this.endingIn[state];
			if (ending != null) {
				for (int keyword : ending) {
					hits.add(keyword, i + 1 - this.keywordLengths[keyword]);
				}
			}
		}
		return hits;
	}

	private static int[] with(int[] keywords, int keyword) {
		if (keywords == null) {
			return new int[] { keyword };
		}
		int[] more = Arrays.copyOf(keywords, keywords.length + 1);
		more[keywords.length] = keyword;
		return more;
	}

	/** The starts of each keyword in one text. */
	static final class Hits {

		private static final int[] NONE = new int[0];

		private final int[][] starts;

		private final int[] counts;

		private boolean any;

		Hits(int keywords) {
			this.starts = new int[keywords][];
			this.counts = new int[keywords];
		}

		boolean any() {
			return this.any;
		}

		int[] of(int keyword) {
			int[] starts = this.starts[keyword];
			if (starts == null) {
				return NONE;
			}
			if (starts.length != this.counts[keyword]) {
				starts = Arrays.copyOf(starts, this.counts[keyword]);
				this.starts[keyword] = starts;
			}
			return starts;
		}

		private void add(int keyword, int start) {
			int[] starts = this.starts[keyword];
			int count = this.counts[keyword];
			if (starts == null) {
				starts = new int[8];
			}
			else if (count == starts.length) {
				starts = Arrays.copyOf(starts, count * 2);
			}
			starts[count] = start;
			this.starts[keyword] = starts;
			this.counts[keyword] = count + 1;
			this.any = true;
		}

	}

}
