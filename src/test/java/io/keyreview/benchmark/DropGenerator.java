package io.keyreview.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

/**
 * Writes a valid file drop of any size for one nightly run, the same for the same seed:
 * {@code keys/litellm.csv} and {@code keys/openai.csv}, one policy file per key under
 * {@code policies/}, {@code people/people.csv}, {@code owners.yaml}, and one usage row
 * per request (LiteLLM spend-log style, timestamps within the run date, keys interleaved)
 * in {@code usage/litellm.csv}, {@code usage/litellm-eu.csv} (a second gateway) and
 * {@code usage/openai.csv}.
 * <p>
 * Every key is a clone of one of the demo's healthy keys ({@code jobs/demo}: its
 * inventory row and its policy, so routes, models and environment agree), under an id of
 * its own ({@code <demo key>-bbbbcz}: see {@link #suffix}) and with owners, dates and
 * status drawn for it. Of every 100 keys: 5 are stale (active, last used 95+ days ago, no
 * usage tonight), 3 were never used, 3 are disabled and 1 revoked, 2 have a business
 * owner who left, 1 a creator who left, 1 is owned by a contractor whose contract has
 * ended, 1 is a vendor key whose vendor contact left; 2 of every 100 have no policy file
 * and 3 an overdue rotation. Every 500th usage row is for a key id that no inventory
 * lists (unattributed). Keys that are used tonight get a skewed (log-normal) share of the
 * requests. The HR export is a management tree (8 reports each) in which, of every 100
 * people, 4 have left, 1 is on leave, 10 are contractors (1 of them past their contract
 * end) and 2 work for a vendor. No cell looks like a secret, so nothing is redacted and
 * no row is rejected.
 * <p>
 * It streams: only the used keys' template, index and weight are held, so ten million
 * usage rows take seconds and little memory.
 */
public final class DropGenerator {

	/** The demo drop the keys are cloned from. */
	public static final Path DEMO = Path.of("jobs/demo");

	public static final LocalDate DEFAULT_RUN_DATE = LocalDate.parse("2026-11-21");

	public static final long DEFAULT_SEED = 20261121L;

	static final String USAGE_HEADER = "key_id,timestamp,route,model,provider,requests,input_tokens,output_tokens,"
			+ "cost_usd,failed_requests";

	static final String KEYS_HEADER = "source,key_id,alias,project,environment,status,owner,owner_type,created_by,"
			+ "created_at,last_used_at,last_rotated_at,expires_at,scopes,allowed_models,allowed_routes,"
			+ "monthly_budget_usd,secret_location";

	static final String PEOPLE_HEADER = "person_id,email,name,status,worker_type,termination_date,manager_email,"
			+ "department,cost_center";

	/** One usage row in this many is for a key id that no inventory lists. */
	static final int UNATTRIBUTED_EVERY = 500;

	private static final long KEY_SALT = 0x4b455953L;

	private static final long PERSON_SALT = 0x50454f50L;

	private static final long GROUP_SALT = 0x47525550L;

	private static final long USAGE_SALT = 0x55534147L;

	private static final int SECURITY_GROUPS = 5;

	private static final int FINANCE_GROUPS = 5;

	private static final List<String> FIRST_NAMES = List.of("maria", "james", "rachel", "daniel", "dana", "arjun",
			"sofia", "kenji", "olivia", "mateo", "hannah", "wei", "amara", "lucas", "fatima", "noah", "elena", "grace",
			"isabel", "liam", "aisha", "ben", "mei", "tariq", "felix", "ethan", "victor", "lena", "tom", "priya",
			"marco", "kofi", "nina", "omar", "sara", "jonas", "yuki", "ines", "pavel", "rosa");

	private static final List<String> LAST_NAMES = List.of("jensen", "wilson", "cohen", "okoye", "lee", "mehta",
			"garcia", "watanabe", "brown", "silva", "schmidt", "zhang", "okafor", "martin", "haddad", "kim", "petrova",
			"thompson", "torres", "obrien", "rahman", "carter", "chen", "aziz", "wagner", "walker", "huang", "fischer",
			"baker", "nair", "rossi", "mensah", "novak", "farouk", "lind", "berg", "tanaka", "moreno", "ivanov",
			"costa");

	private static final List<String> DEPARTMENTS = List.of("Engineering", "Operations", "Finance", "Sales",
			"Marketing", "Legal", "People", "Support", "Research", "Data Science", "Product", "Risk");

	private static final Pattern KEY_ID_LINE = Pattern.compile("(?m)^key_id: .*$");

	private static final Pattern OWNERS_LINE = Pattern.compile("(?m)^owners: .*$");

	private static final Pattern ALERT_OWNER = Pattern.compile("alert_owner: [^,}]+");

	private static final Pattern LAST_COMPLETED = Pattern.compile("last_completed: \\d{4}-\\d{2}-\\d{2}");

	private static final String SUFFIX_LETTERS = "bcfghjlmnqrtvxz";

	private static final int SUFFIX_LENGTH = 6;

	private static final Set<String> DROP_ENTRIES = Set.of("keys", "usage", "people", "policies", "owners.yaml");

	private final DropSize size;

	private final long seed;

	private final LocalDate runDate;

	private final List<KeyTemplate> litellm = new ArrayList<>();

	private final List<KeyTemplate> openai = new ArrayList<>();

	private final List<KeyTemplate> templates;

	private final String directoryTail;

	private final int teams;

	private DropGenerator(DropSize size, long seed, LocalDate runDate, Path demo) throws IOException {
		this.size = size;
		this.seed = seed;
		this.runDate = runDate;
		this.templates = KeyTemplate.readHealthy(demo);
		for (KeyTemplate template : this.templates) {
			(template.source().equals("openai") ? this.openai : this.litellm).add(template);
		}
		String owners = Files.readString(demo.resolve("owners.yaml"));
		this.directoryTail = owners.substring(owners.indexOf("model_groups:"));
		this.teams = Math.max(10, size.keys() / 50);
	}

	/** {@code DropGenerator <folder> [S|M|L|keys:people:usage] [seed] [run date]} */
	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("usage: DropGenerator <folder> [S|M|L|keys:people:usage] [seed] [run date]");
			System.exit(2);
		}
		DropSize size = DropSize.of((args.length > 1) ? args[1] : "S");
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : DEFAULT_SEED;
		LocalDate date = (args.length > 3) ? LocalDate.parse(args[3]) : DEFAULT_RUN_DATE;
		long start = System.nanoTime();
		Summary summary = generate(Path.of(args[0]), size, seed, date);
		System.out.printf(Locale.ROOT, "%s%nin %.1f s%n", summary, (System.nanoTime() - start) / 1e9);
	}

	/**
	 * Writes the drop into {@code folder}, replacing a drop written there before (and
	 * refusing a folder that holds anything else).
	 */
	public static Summary generate(Path folder, DropSize size, long seed, LocalDate runDate) throws IOException {
		return new DropGenerator(size, seed, runDate, DEMO).write(folder);
	}

	private Summary write(Path folder) throws IOException {
		clear(folder);
		Files.createDirectories(folder.resolve("keys"));
		Files.createDirectories(folder.resolve("usage"));
		Files.createDirectories(folder.resolve("people"));
		Files.createDirectories(folder.resolve("policies"));
		Counts counts = new Counts();
		UsedKeys used = writeKeysAndPolicies(folder, counts);
		writeUsage(folder, used, counts);
		writePeople(folder);
		writeDirectory(folder);
		return new Summary(folder, this.size, this.seed, this.runDate, counts.kinds, counts.policies,
				this.teams + SECURITY_GROUPS + FINANCE_GROUPS, used.count, counts.usageRows, counts.unattributedRows);
	}

	private static void clear(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path entry : entries.toList()) {
				if (!DROP_ENTRIES.contains(entry.getFileName().toString())) {
					throw new IOException(
							folder + " holds " + entry.getFileName() + ": not a generated drop, left as is");
				}
				FileSystemUtils.deleteRecursively(entry);
			}
		}
	}

	// keys and policies

	private UsedKeys writeKeysAndPolicies(Path folder, Counts counts) throws IOException {
		UsedKeys used = new UsedKeys(this.size.keys());
		try (BufferedWriter litellmKeys = Files.newBufferedWriter(folder.resolve("keys/litellm.csv"));
				BufferedWriter openaiKeys = Files.newBufferedWriter(folder.resolve("keys/openai.csv"))) {
			litellmKeys.write(KEYS_HEADER + "\n");
			openaiKeys.write(KEYS_HEADER + "\n");
			for (int i = 0; i < this.size.keys(); i++) {
				Key key = key(i);
				counts.kinds.merge(key.kind(), 1, Integer::sum);
				(key.template().source().equals("openai") ? openaiKeys : litellmKeys).write(inventoryRow(key));
				if (key.policy()) {
					Files.writeString(folder.resolve("policies").resolve(key.id() + ".yaml"), policy(key),
							StandardCharsets.UTF_8);
					counts.policies++;
				}
				if (key.weight() > 0) {
					used.add(this.templates.indexOf(key.template()), i, key.weight());
				}
			}
		}
		return used;
	}

	/**
	 * Key {@code i}: drawn from a random of its own, so it does not depend on the others.
	 */
	private Key key(int i) {
		SplittableRandom random = random(KEY_SALT, i);
		List<KeyTemplate> source = (random.nextInt(10) < 6) ? this.litellm : this.openai;
		KeyTemplate template = source.get(random.nextInt(source.size()));
		Kind kind = Kind.of(slot(i));
		int policySlot = (int) ((i * 53L + 7) % 100);
		boolean policy = policySlot >= 2;
		int rotatedAgo = (policySlot >= 2 && policySlot < 5) ? 100 + random.nextInt(300) : 1 + random.nextInt(85);
		String team = team(random.nextInt(this.teams));
		String technical = team(random.nextInt(this.teams));
		String security = String.format(Locale.ROOT, "appsec_%02d", 1 + random.nextInt(SECURITY_GROUPS));
		String finance = String.format(Locale.ROOT, "finops_%02d", 1 + random.nextInt(FINANCE_GROUPS));
		String business = team;
		String ownerType = "service_account";
		String createdBy = (random.nextBoolean()) ? "svc-" + template.source() + "-provisioner"
				: email(person(random, PersonKind.EMPLOYEE));
		switch (kind) {
			case LEAVER -> {
				business = email(person(random, PersonKind.TERMINATED));
				ownerType = "user";
			}
			case CREATOR_LEFT -> createdBy = email(person(random, PersonKind.TERMINATED));
			case CONTRACTOR_EXIT -> {
				business = email(person(random, PersonKind.CONTRACTOR_ENDED));
				ownerType = "user";
			}
			case VENDOR_EXIT -> {
				business = email(person(random, PersonKind.VENDOR_TERMINATED));
				ownerType = "vendor";
				createdBy = "svc-" + template.source() + "-provisioner";
			}
			default -> {
				if (random.nextInt(5) == 0) {
					business = email(person(random, PersonKind.EMPLOYEE));
					ownerType = "user";
				}
			}
		}
		String status = switch (kind) {
			case DISABLED -> "disabled";
			case REVOKED -> "revoked";
			default -> "active";
		};
		Integer lastUsedAgo = switch (kind) {
			case STALE -> 95 + random.nextInt(500);
			case UNUSED -> null;
			case DISABLED -> 35 + random.nextInt(400);
			case REVOKED -> 60 + random.nextInt(600);
			default -> 1;
		};
		int createdAgo = Math.max(Math.max(rotatedAgo, (lastUsedAgo != null) ? lastUsedAgo : 0), 40) + 1
				+ random.nextInt(500);
		double weight = (kind.usedTonight()) ? Math.exp(1.3 * random.nextGaussian()) : 0;
		return new Key(i, template.keyId() + "-" + suffix(i), template, kind, status, business, ownerType, createdBy,
				dateTime(random, createdAgo), (lastUsedAgo != null) ? dateTime(random, lastUsedAgo) : "",
				this.runDate.minusDays(rotatedAgo), this.runDate.plusDays(60 + random.nextInt(240)).toString(),
				technical, security, finance, policy, weight);
	}

	private String inventoryRow(Key key) {
		KeyTemplate template = key.template();
		return String.join(",", template.source(), key.id(), csv(template.alias() + " " + suffix(key.index())),
				csv(template.project()), template.environment(), key.status(), key.business(), key.ownerType(),
				key.createdBy(), key.createdAt(), key.lastUsedAt(), key.lastRotated() + "T07:30:00Z", key.expiresAt(),
				template.scopes(), String.join(";", template.models()), String.join(";", template.routes()),
				template.budget(), template.secretLocation() + "-" + suffix(key.index())) + "\n";
	}

	private static String policy(Key key) {
		String policy = key.template().policy();
		policy = KEY_ID_LINE.matcher(policy).replaceFirst("key_id: " + key.id());
		policy = OWNERS_LINE.matcher(policy)
			.replaceFirst(Matcher.quoteReplacement("owners: {business: " + key.business() + ", technical: "
					+ key.technical() + ", security: " + key.security() + ", finance: " + key.finance() + "}"));
		policy = ALERT_OWNER.matcher(policy).replaceFirst("alert_owner: " + key.finance());
		return LAST_COMPLETED.matcher(policy).replaceFirst("last_completed: " + key.lastRotated());
	}

	// usage

	private void writeUsage(Path folder, UsedKeys used, Counts counts) throws IOException {
		int unattributedIds = Math.max(2, this.size.keys() / 500);
		byte[][] unattributedPrefix = new byte[unattributedIds][];
		int[] unattributedTemplate = new int[unattributedIds];
		SplittableRandom random = random(USAGE_SALT, 0);
		for (int u = 0; u < unattributedIds; u++) {
			unattributedTemplate[u] = random.nextInt(this.templates.size());
			unattributedPrefix[u] = ascii("retired-" + this.templates.get(unattributedTemplate[u]).keyId() + "-");
		}
		byte[][] suffixes = new byte[this.size.keys() + unattributedIds][];
		for (int i = 0; i < suffixes.length; i++) {
			suffixes[i] = ascii(suffix(i));
		}
		TemplateBytes[] bytes = this.templates.stream().map(TemplateBytes::new).toArray(TemplateBytes[]::new);
		byte[] day = ascii(this.runDate + "T");
		byte[] requestsColumn = ascii("Z,");
		long rows = this.size.usageRows();
		Map<String, AsciiOut> files = new LinkedHashMap<>();
		try (AsciiOut litellmUsage = new AsciiOut(folder.resolve("usage/litellm.csv"));
				AsciiOut litellmEuUsage = new AsciiOut(folder.resolve("usage/litellm-eu.csv"));
				AsciiOut openaiUsage = new AsciiOut(folder.resolve("usage/openai.csv"))) {
			files.put("usage/litellm.csv", litellmUsage);
			files.put("usage/litellm-eu.csv", litellmEuUsage);
			files.put("usage/openai.csv", openaiUsage);
			for (AsciiOut file : files.values()) {
				file.put(USAGE_HEADER).put('\n');
			}
			for (long row = 0; row < rows; row++) {
				int template;
				byte[] prefix;
				int index;
				if (row % UNATTRIBUTED_EVERY == UNATTRIBUTED_EVERY / 4 || used.count == 0) {
					int u = random.nextInt(unattributedIds);
					template = unattributedTemplate[u];
					prefix = unattributedPrefix[u];
					index = this.size.keys() + u;
					counts.unattributedRows++;
				}
				else {
					int k = used.pick(random);
					template = used.template[k];
					prefix = bytes[template].idPrefix;
					index = used.index[k];
				}
				TemplateBytes t = bytes[template];
				AsciiOut out = (t.openai) ? openaiUsage : (random.nextInt(10) < 7) ? litellmUsage : litellmEuUsage;
				int second = (int) (row * 86_400 / rows);
				int route = random.nextInt(t.routes.length);
				int model = random.nextInt(t.models.length);
				boolean failed = random.nextInt(1000) < 15;
				long input = 20 + (long) Math.min(30_000, Math.exp(6.0 + 0.9 * random.nextGaussian()));
				long output = (failed || t.outputPrice[model] == 0) ? 0
						: 1 + (long) Math.min(8_000, Math.exp(5.0 + 0.8 * random.nextGaussian()));
				long cost = failed ? 0 : input * t.inputPrice[model] + output * t.outputPrice[model];
				out.put(prefix)
					.put(suffixes[index])
					.put(',')
					.put(day)
					.digits(second / 3600, 2)
					.put(':')
					.digits(second / 60 % 60, 2)
					.put(':')
					.digits(second % 60, 2)
					.put(requestsColumn)
					.put(t.routes[route])
					.put(',')
					.put(t.models[model])
					.put(',')
					.put(t.providers[model])
					.put(",1,")
					.put(input)
					.put(',')
					.put(output)
					.put(',')
					.decimal(cost, 8)
					.put(',')
					.put(failed ? '1' : '0')
					.endLine();
			}
		}
		files.forEach((name, file) -> counts.usageRows.put(name, file.lines()));
	}

	// people and the directory

	private void writePeople(Path folder) throws IOException {
		try (BufferedWriter people = Files.newBufferedWriter(folder.resolve("people/people.csv"))) {
			people.write(PEOPLE_HEADER + "\n");
			for (int i = 0; i < this.size.people(); i++) {
				people.write(personRow(i));
			}
		}
	}

	private String personRow(int i) {
		SplittableRandom random = random(PERSON_SALT, i);
		String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
		String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
		PersonKind kind = PersonKind.of(slot(i));
		String ended = switch (kind) {
			case TERMINATED -> this.runDate.minusDays(1 + random.nextInt(300)).toString();
			case CONTRACTOR -> this.runDate.plusDays(30 + random.nextInt(400)).toString();
			case CONTRACTOR_ENDED -> this.runDate.minusDays(1 + random.nextInt(60)).toString();
			case VENDOR_TERMINATED -> this.runDate.minusDays(1 + random.nextInt(120)).toString();
			default -> "";
		};
		int department = (i == 0) ? 0 : ((i - 1) / 8) % DEPARTMENTS.size();
		return String.join(",", "P" + (100_000 + i), email(first, last, i),
				capitalised(first) + " " + capitalised(last), kind.status, kind.workerType, ended,
				(i == 0) ? "" : email((i - 1) / 8), DEPARTMENTS.get(department),
				"CC-" + (1000 + department * 100 + i % 7)) + "\n";
	}

	private String email(int person) {
		SplittableRandom random = random(PERSON_SALT, person);
		String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
		return email(first, LAST_NAMES.get(random.nextInt(LAST_NAMES.size())), person);
	}

	private static String email(String first, String last, int person) {
		return first + "." + last + "." + person + "@example.com";
	}

	/** A random person of the kind: every kind has people among any 100 in a row. */
	private int person(SplittableRandom random, PersonKind kind) {
		while (true) {
			int person = random.nextInt(this.size.people());
			if (PersonKind.of(slot(person)) == kind) {
				return person;
			}
		}
	}

	private void writeDirectory(Path folder) throws IOException {
		try (BufferedWriter owners = Files.newBufferedWriter(folder.resolve("owners.yaml"))) {
			owners.write("# generated by io.keyreview.benchmark.DropGenerator, seed " + this.seed
					+ ": owner groups, model groups, routes\n");
			owners.write("groups:\n");
			for (int g = 0; g < this.teams; g++) {
				SplittableRandom random = random(GROUP_SALT, g);
				// of every 100 teams, 2 are accountable to someone who has left
				PersonKind accountable = (slot(g) < 2) ? PersonKind.TERMINATED : PersonKind.EMPLOYEE;
				owners.write(group(team(g), team(g).replace('_', '-'), email(person(random, accountable))));
			}
			for (int g = 1; g <= SECURITY_GROUPS; g++) {
				String name = String.format(Locale.ROOT, "appsec_%02d", g);
				owners.write(group(name, name.replace('_', '-'),
						email(person(random(GROUP_SALT, -g), PersonKind.EMPLOYEE))));
			}
			for (int g = 1; g <= FINANCE_GROUPS; g++) {
				String name = String.format(Locale.ROOT, "finops_%02d", g);
				owners.write(group(name, name.replace('_', '-'),
						email(person(random(GROUP_SALT, -100 - g), PersonKind.EMPLOYEE))));
			}
			owners.write(this.directoryTail);
		}
	}

	private static String group(String name, String mailbox, String accountable) {
		return "  " + name + ": {mailbox: " + mailbox + "@example.com, accountable: " + accountable + "}\n";
	}

	// helpers

	private static String team(int g) {
		return String.format(Locale.ROOT, "team_%05d", g + 1);
	}

	/** Spreads indexes over 100 slots so that any 100 in a row use each slot once. */
	private static int slot(long index) {
		return (int) ((index * 37 + 11) % 100);
	}

	private SplittableRandom random(long salt, long index) {
		return new SplittableRandom((this.seed * 31 + salt) * 0x9E3779B97F4A7C15L + index);
	}

	private String dateTime(SplittableRandom random, int daysAgo) {
		return String.format(Locale.ROOT, "%sT%02d:%02d:%02dZ", this.runDate.minusDays(daysAgo), random.nextInt(24),
				random.nextInt(60), random.nextInt(60));
	}

	/**
	 * The index as six letters, neither vowels nor digits: an id with a digit in a
	 * policy's {@code key_id:} line looks like an assigned API key to the landing's
	 * redaction, and letters without vowels spell no keyword of the secret rules.
	 */
	static String suffix(int index) {
		char[] letters = new char[SUFFIX_LENGTH];
		for (int i = SUFFIX_LENGTH - 1; i >= 0; i--) {
			letters[i] = SUFFIX_LETTERS.charAt(index % SUFFIX_LETTERS.length());
			index /= SUFFIX_LETTERS.length();
		}
		return new String(letters);
	}

	private static String csv(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	private static String capitalised(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** What a generated key is: healthy, or the situation it stages. */
	enum Kind {

		HEALTHY, STALE, UNUSED, DISABLED, REVOKED, LEAVER, CREATOR_LEFT, CONTRACTOR_EXIT, VENDOR_EXIT;

		static Kind of(int slot) {
			if (slot < 5) {
				return STALE;
			}
			if (slot < 8) {
				return UNUSED;
			}
			if (slot < 11) {
				return DISABLED;
			}
			if (slot < 12) {
				return REVOKED;
			}
			if (slot < 14) {
				return LEAVER;
			}
			if (slot < 15) {
				return CREATOR_LEFT;
			}
			if (slot < 16) {
				return CONTRACTOR_EXIT;
			}
			return (slot < 17) ? VENDOR_EXIT : HEALTHY;
		}

		boolean usedTonight() {
			return this != STALE && this != UNUSED && this != DISABLED && this != REVOKED;
		}

	}

	private enum PersonKind {

		TERMINATED("terminated", "employee"), LEAVE("leave", "employee"), CONTRACTOR("active", "contractor"),
		CONTRACTOR_ENDED("active", "contractor"), VENDOR_TERMINATED("terminated", "vendor"), VENDOR("active", "vendor"),
		EMPLOYEE("active", "employee");

		private final String status;

		private final String workerType;

		PersonKind(String status, String workerType) {
			this.status = status;
			this.workerType = workerType;
		}

		static PersonKind of(int slot) {
			if (slot < 4) {
				return TERMINATED;
			}
			if (slot < 5) {
				return LEAVE;
			}
			if (slot < 14) {
				return CONTRACTOR;
			}
			if (slot < 15) {
				return CONTRACTOR_ENDED;
			}
			if (slot < 16) {
				return VENDOR_TERMINATED;
			}
			return (slot < 17) ? VENDOR : EMPLOYEE;
		}

	}

	private record Key(int index, String id, KeyTemplate template, Kind kind, String status, String business,
			String ownerType, String createdBy, String createdAt, String lastUsedAt, LocalDate lastRotated,
			String expiresAt, String technical, String security, String finance, boolean policy, double weight) {
	}

	/** The keys used tonight, each with its share of the requests. */
	private static final class UsedKeys {

		final int[] template;

		final int[] index;

		final double[] cumulative;

		int count;

		UsedKeys(int capacity) {
			this.template = new int[capacity];
			this.index = new int[capacity];
			this.cumulative = new double[capacity];
		}

		void add(int template, int index, double weight) {
			this.template[this.count] = template;
			this.index[this.count] = index;
			this.cumulative[this.count] = ((this.count > 0) ? this.cumulative[this.count - 1] : 0) + weight;
			this.count++;
		}

		int pick(SplittableRandom random) {
			double target = random.nextDouble() * this.cumulative[this.count - 1];
			int low = 0;
			int high = this.count - 1;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (this.cumulative[middle] <= target) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			return low;
		}

	}

	/** A template's cells as the bytes a usage row is written from. */
	private static final class TemplateBytes {

		final boolean openai;

		final byte[] idPrefix;

		final byte[][] routes;

		final byte[][] models;

		final byte[][] providers;

		final int[] inputPrice;

		final int[] outputPrice;

		TemplateBytes(KeyTemplate template) {
			this.openai = template.source().equals("openai");
			this.idPrefix = ascii(template.keyId() + "-");
			this.routes = template.routes().stream().map(DropGenerator::ascii).toArray(byte[][]::new);
			this.models = template.models().stream().map(DropGenerator::ascii).toArray(byte[][]::new);
			this.providers = template.models()
				.stream()
				.map((model) -> ascii(template.provider(model)))
				.toArray(byte[][]::new);
			this.inputPrice = template.models().stream().mapToInt(template::inputPrice).toArray();
			this.outputPrice = template.models().stream().mapToInt(template::outputPrice).toArray();
		}

	}

	private static final class Counts {

		final Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);

		final Map<String, Long> usageRows = new LinkedHashMap<>();

		int policies;

		long unattributedRows;

	}

	/**
	 * What was written.
	 *
	 * @param folder the drop
	 * @param size its size
	 * @param seed the seed it was drawn from
	 * @param runDate the night it is for
	 * @param kinds keys per situation
	 * @param policies policy files (keys without one: {@code size.keys() - policies})
	 * @param groups owner groups in {@code owners.yaml}
	 * @param usedKeys keys with usage tonight
	 * @param usageRows rows per usage file
	 * @param unattributedRows usage rows for key ids no inventory lists
	 */
	public record Summary(Path folder, DropSize size, long seed, LocalDate runDate, Map<Kind, Integer> kinds,
			int policies, int groups, int usedKeys, Map<String, Long> usageRows, long unattributedRows) {

		public long totalUsageRows() {
			return this.usageRows.values().stream().mapToLong(Long::longValue).sum();
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"drop %s for %s, seed %d: %s; %,d policy files, %,d owner groups; %,d keys used tonight; "
							+ "usage rows %s (%,d unattributed)",
					this.size, this.runDate, this.seed, this.kinds, this.policies, this.groups, this.usedKeys,
					this.usageRows, this.unattributedRows);
		}

	}

}
