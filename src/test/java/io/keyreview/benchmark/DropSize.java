package io.keyreview.benchmark;

import java.util.Locale;

/**
 * How big a generated drop is: keys in the inventories, people in the HR export, usage
 * rows (one per request) over all usage files.
 *
 * @param name the preset's letter, or {@code <keys>-<people>-<usage>} for a custom size
 * @param keys keys over all inventories
 * @param people rows of the HR export
 * @param usageRows rows over all usage files
 */
public record DropSize(String name, int keys, int people, long usageRows) {

	public static final DropSize S = new DropSize("S", 10_000, 20_000, 1_000_000);

	public static final DropSize M = new DropSize("M", 30_000, 60_000, 3_000_000);

	public static final DropSize L = new DropSize("L", 100_000, 200_000, 10_000_000);

	public DropSize {
		if (keys < 100 || keys > 900_000) {
			throw new IllegalArgumentException("a drop has 100 to 900,000 keys, not " + keys);
		}
		if (people < 100) {
			throw new IllegalArgumentException("a drop has at least 100 people, not " + people);
		}
		if (usageRows < 0) {
			throw new IllegalArgumentException("usage rows cannot be negative: " + usageRows);
		}
	}

	/**
	 * {@code S}, {@code M}, {@code L}, or a custom size
	 * {@code <keys>:<people>:<usage rows>} such as {@code 5000:10000:500000}.
	 */
	public static DropSize of(String text) {
		String size = text.strip().toUpperCase(Locale.ROOT);
		switch (size) {
			case "S":
				return S;
			case "M":
				return M;
			case "L":
				return L;
			default:
				String[] parts = size.split(":");
				if (parts.length != 3) {
					throw new IllegalArgumentException("size '" + text
							+ "' is neither S, M, L nor <keys>:<people>:<usage rows> (5000:10000:500000)");
				}
				int keys = Integer.parseInt(parts[0].replace("_", ""));
				int people = Integer.parseInt(parts[1].replace("_", ""));
				long usage = Long.parseLong(parts[2].replace("_", ""));
				return new DropSize(keys + "-" + people + "-" + usage, keys, people, usage);
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s (%,d keys, %,d people, %,d usage rows)", this.name, this.keys,
				this.people, this.usageRows);
	}

}
