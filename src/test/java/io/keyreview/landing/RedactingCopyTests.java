package io.keyreview.landing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.keyreview.intake.InputFileException;
import io.keyreview.intake.LandingManifest;
import io.keyreview.secrets.SecretRedactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedactingCopyTests {

	@TempDir
	Path folder;

	private final ThreadPoolTaskExecutor redactors = new ThreadPoolTaskExecutor();

	@AfterEach
	void stopRedactors() {
		this.redactors.shutdown();
	}

	@ParameterizedTest(name = "{0} thread(s), {1} block(s) read ahead")
	@CsvSource({ "1, 1", "3, 2", "4, 16" })
	void landsWhatRedactingTheWholeFileWouldGiveWhateverTheThreads(int threads, int blocksInFlight) throws IOException {
		byte[] input = usageWithSecretsAndBytesThatAreNotUtf8(new Random(threads));
		Path from = Files.write(this.folder.resolve("usage.csv"), input);
		Path to = this.folder.resolve("landed.csv");

		RedactingCopy.Landed landed = copy(threads, blocksInFlight).copy(from, to, true);

		String text = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.decode(ByteBuffer.wrap(input))
			.toString();
		String redacted = SecretRedactor.redact(text);
		assertThat(redacted).isNotEqualTo(text).doesNotContain("sk-test-").doesNotContain("hunter");
		assertThat(Files.readString(to)).isEqualTo(redacted);
		assertThat(landed.lines()).isEqualTo(text.lines().count());
		assertThat(landed.notUtf8Lines()).isEqualTo(text.lines().filter((line) -> line.contains("\uFFFD")).count())
			.isPositive();
		assertThat(landed.redacted()).isEqualTo(SecretRedactor.find(text).size());
		assertThat(landed.sha256()).isEqualTo(LandingManifest.sha256(to));
		assertThat(landed.inputSha256()).isEqualTo(LandingManifest.sha256(from));
	}

	@Test
	void failsOnAFileThatIsNotUtf8WhenItIsNotCsv() throws IOException {
		Path from = Files.write(this.folder.resolve("owners.yaml"), new byte[] { 'a', ':', ' ', (byte) 0xFF, '\n' });

		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> copy(2, 2).copy(from, this.folder.resolve("landed.yaml"), false))
			.withMessageEndingWith("owners.yaml is not UTF-8 text");
	}

	@Test
	void landsManyFilesSmallAndLargeInTheirOrderAsCopyingEachAloneWould() throws IOException {
		List<Path> from = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String policy = "key_id: key-" + i + "\nnote: token sk-test-" + "abcdefghij".repeat(3 + i % 3) + "\n";
			from.add(Files.writeString(this.folder.resolve("p" + i + ".csv"), (i % 7 == 0) ? "" : policy));
		}
		from.add(20,
				Files.write(this.folder.resolve("large.csv"), usageWithSecretsAndBytesThatAreNotUtf8(new Random(7))));
		List<Path> together = from.stream()
			.map((file) -> this.folder.resolve("together-" + file.getFileName()))
			.toList();
		List<Path> alone = from.stream().map((file) -> this.folder.resolve("alone-" + file.getFileName())).toList();
		RedactingCopy copy = copy(2, 2);

		List<RedactingCopy.Landed> landed = copy.copy(from, together, true);

		assertThat(landed).hasSize(from.size());
		for (int i = 0; i < from.size(); i++) {
			assertThat(landed.get(i)).as(from.get(i).getFileName().toString())
				.isEqualTo(copy.copy(from.get(i), alone.get(i), true));
			assertThat(together.get(i)).hasSameBinaryContentAs(alone.get(i));
		}
		assertThat(Files.readString(together.get(1))).startsWith("key_id: key-1\nnote: token sha256:")
			.doesNotContain("sk-test-");
		assertThat(landed.get(0).lines()).isZero();
	}

	@Test
	void failsOnASmallFileOfManyThatIsNotUtf8WhenItIsNotCsv() throws IOException {
		Path good = Files.writeString(this.folder.resolve("a.yaml"), "key_id: a\n");
		Path bad = Files.write(this.folder.resolve("b.yaml"), new byte[] { 'a', ':', ' ', (byte) 0xFF, '\n' });

		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> copy(2, 2).copy(List.of(good, bad),
					List.of(this.folder.resolve("landed-a.yaml"), this.folder.resolve("landed-b.yaml")), false))
			.withMessageEndingWith("b.yaml is not UTF-8 text");
	}

	private RedactingCopy copy(int threads, int blocksInFlight) {
		this.redactors.setCorePoolSize(threads);
		this.redactors.setMaxPoolSize(threads);
		this.redactors.initialize();
		return new RedactingCopy(this.redactors, blocksInFlight);
	}

	/**
	 * Many blocks of rows, some with a secret, some with CRLF, some with bytes that are
	 * not UTF-8, a line of over a megabyte, and a last line without a line break.
	 */
	private static byte[] usageWithSecretsAndBytesThatAreNotUtf8(Random random) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write("key_id,timestamp,route,model,cost_usd\n".getBytes(StandardCharsets.UTF_8));
		for (int row = 0; row < 25_000; row++) {
			String route = switch (row % 97) {
				case 0 -> "sk-test-" + Long.toHexString(random.nextLong()) + "FAKEkey0123456789";
				case 1 -> "Bearer testFAKE" + Long.toHexString(random.nextLong()) + "token";
				case 2 -> "password=hunter" + row;
				default -> "route-" + (row % 13);
			};
			out.write(("team-" + row % 50 + "-prod," + "2026-11-29T10:00:00Z," + route + ",gpt-4o-mini,0.5")
				.getBytes(StandardCharsets.UTF_8));
			if (row % 501 == 0) {
				out.write(new byte[] { (byte) 0xC3, ',', (byte) 0xFF });
			}
			out.write((row % 7 == 0) ? "\r\n".getBytes(StandardCharsets.UTF_8) : new byte[] { '\n' });
			if (row == 12_000) {
				out.write(("filler value ".repeat(90_000) + "\n").getBytes(StandardCharsets.UTF_8));
			}
		}
		out.write("last-key,2026-11-29T11:00:00Z,route,sk-test-FAKElast0123456789abcdef,0.1"
			.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
