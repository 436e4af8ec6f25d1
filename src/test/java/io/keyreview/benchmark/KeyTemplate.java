package io.keyreview.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/**
 * A demo key that generated keys are cloned from: its inventory row and its policy file,
 * which agree on environment, routes and models, so that a clone loads and passes the
 * review unless the generator gives it a situation.
 */
record KeyTemplate(String source, String keyId, String alias, String project, String environment, String scopes,
		List<String> models, List<String> routes, String budget, String secretLocation, String policy) {

	/** The demo keys whose README decision is keep: a clone of one is healthy. */
	static final List<String> HEALTHY = List.of("support-agent-prod-gateway", "search-rerank-prod-gateway",
			"eval-sandbox-staging", "code-review-prod-gateway", "docs-qa-staging-gateway", "notebook-dev-research",
			"contract-extract-prod-gateway", "hr-helpdesk-prod-gateway", "support-classifier-prod-openai",
			"search-embeddings-prod-openai", "kb-embeddings-staging-openai", "billing-reasoning-prod-openai",
			"eval-sandbox-staging-openai", "people-helpdesk-dev-openai", "sales-insights-prod-openai",
			"fraud-signals-prod-openai", "risk-reports-prod-openai");

	/** Where each model is served, as in the demo's usage files. */
	private static final Map<String, String> PROVIDERS = Map.of("gpt-4o-mini", "openai", "gpt-4o", "openai", "gpt-4.1",
			"openai", "gpt-4.1-mini", "openai", "o4-mini", "openai", "text-embedding-3-small", "openai",
			"claude-3-5-haiku", "anthropic", "claude-3-5-sonnet", "anthropic", "llama-3.1-70b-instruct", "vllm");

	/**
	 * List prices per million input and output tokens in USD, times 100: the price of one
	 * token in units of 10^-8 USD.
	 */
	private static final Map<String, int[]> PRICES = Map.of("gpt-4o-mini", new int[] { 15, 60 }, "gpt-4o",
			new int[] { 250, 1000 }, "gpt-4.1", new int[] { 200, 800 }, "gpt-4.1-mini", new int[] { 40, 160 },
			"o4-mini", new int[] { 110, 440 }, "text-embedding-3-small", new int[] { 2, 0 }, "claude-3-5-haiku",
			new int[] { 80, 400 }, "claude-3-5-sonnet", new int[] { 300, 1500 }, "llama-3.1-70b-instruct",
			new int[] { 60, 60 });

	String provider(String model) {
		return PROVIDERS.get(model);
	}

	int inputPrice(String model) {
		return PRICES.get(model)[0];
	}

	int outputPrice(String model) {
		return PRICES.get(model)[1];
	}

	/** The healthy demo keys of {@code <demo>/keys/*.csv} with their policies. */
	static List<KeyTemplate> readHealthy(Path demo) throws IOException {
		Map<String, KeyTemplate> byId = new HashMap<>();
		try (var files = Files.list(demo.resolve("keys"))) {
			for (Path file : files.sorted().toList()) {
				for (Map<String, String> row : rows(file)) {
					String keyId = row.get("key_id");
					if (!HEALTHY.contains(keyId)) {
						continue;
					}
					String policy = Files.readString(demo.resolve("policies").resolve(keyId + ".yaml"));
					byId.put(keyId, new KeyTemplate(row.get("source"), keyId, row.get("alias"), row.get("project"),
							row.get("environment"), row.get("scopes"), List.of(row.get("allowed_models").split(";")),
							List.of(row.get("allowed_routes").split(";")), row.get("monthly_budget_usd"),
							row.get("secret_location"), policy));
				}
			}
		}
		List<KeyTemplate> templates = new ArrayList<>();
		for (String keyId : HEALTHY) {
			KeyTemplate template = byId.get(keyId);
			if (template == null) {
				throw new IllegalStateException(demo + " has no healthy key " + keyId + " to clone");
			}
			for (String model : template.models()) {
				if (!PROVIDERS.containsKey(model)) {
					throw new IllegalStateException("no provider or price known for model " + model + " of " + keyId);
				}
			}
			templates.add(template);
		}
		return templates;
	}

	private static List<Map<String, String>> rows(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVReader csv = new CSVReader(reader)) {
			List<String[]> lines = csv.readAll();
			String[] header = lines.get(0);
			List<Map<String, String>> rows = new ArrayList<>();
			for (String[] line : lines.subList(1, lines.size())) {
				if (line.length != header.length) {
					continue;
				}
				Map<String, String> row = new HashMap<>();
				for (int i = 0; i < header.length; i++) {
					row.put(header[i].strip(), line[i]);
				}
				rows.add(row);
			}
			return rows;
		}
		catch (CsvException ex) {
			throw new IOException(file + " is not CSV: " + ex.getMessage(), ex);
		}
	}

}
