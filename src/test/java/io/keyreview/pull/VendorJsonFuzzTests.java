package io.keyreview.pull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyreview.intake.InputContract;
import io.keyreview.intake.InputFileException;
import tools.jackson.core.JacksonException;

import org.springframework.util.FileSystemUtils;

/**
 * Any JSON page a vendor returns, landed as every endpoint a mapper reads, maps to
 * canonical rows or fails the source with one sentence: never another exception.
 */
class VendorJsonFuzzTests {

	private static final List<String> ENDPOINTS = List.of("activity", "admin_api_keys", "api_keys", "api_keys-proj_1",
			"cost_report", "costs", "keys", "projects", "spend_logs", "usage_completions", "usage_messages", "users",
			"workspaces");

	private static final LocalDate NIGHT = LocalDate.parse("2026-11-21");

	@FuzzTest
	void anyPageMapsToRowsOrOneSentence(byte[] input) throws IOException {
		String body = new String(input, StandardCharsets.UTF_8);
		try {
			SourcePull.JSON.readTree(body);
		}
		catch (JacksonException notJson) {
			return; // the pull refuses it before any mapper sees it
		}
		Path pulled = Files.createTempDirectory("fuzzed-pages");
		try {
			ENDPOINTS.forEach((endpoint) -> new PageStore(pulled.resolve(endpoint))
				.land(new Page(URI.create("https://api.example.com/" + endpoint),
						HttpHeaders.of(Map.of(), (a, b) -> true), body), null));
			for (SourceType type : SourceType.values()) {
				try {
					VendorMapper.of(type).map("fuzzed", new PulledPages(pulled), NIGHT);
				}
				catch (InputFileException ex) {
					InputContract.assertOneSentence(ex);
				}
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(pulled);
		}
	}

}
