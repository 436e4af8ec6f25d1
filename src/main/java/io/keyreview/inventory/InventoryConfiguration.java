package io.keyreview.inventory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.keyreview.intake.CsvRow;
import io.keyreview.intake.ExposureWriter;
import io.keyreview.intake.FirstRowWins.Listing;
import io.keyreview.intake.InputSource;
import io.keyreview.intake.LoadSteps;
import io.keyreview.intake.Writers;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads tonight's key inventories ({@code keys/*.csv}) into {@code inventory_key}. */
@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

	@Bean
	@StepScope
	MultiResourceItemReader<CsvRow> keysReader(LoadSteps loadSteps,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return loadSteps.csvReader(InputSource.KEYS, runDate, Set.of("key_id"), InventoryKey.MAX_LENGTHS);
	}

	@Bean
	@StepScope
	InventoryKeyProcessor inventoryKeyProcessor(JdbcTemplate jdbc,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		Map<String, Listing> loaded = new HashMap<>();
		jdbc.query("SELECT key_id, input_file, status, owner FROM inventory_key WHERE seen_on = ?", (rs) -> {
			loaded.put(rs.getString("key_id"), new Listing(rs.getString("input_file"), "an earlier chunk",
					InventoryKeyProcessor.compared(rs.getString("status"), rs.getString("owner"))));
		}, runDate);
		return new InventoryKeyProcessor(loaded);
	}

	@Bean
	@StepScope
	CompositeItemWriter<InventoryKey> inventoryKeyWriter(DataSource dataSource, JdbcTemplate jdbc,
			@Value("#{jobParameters['runDate']}") LocalDate runDate) {
		return Writers.inOrder(Writers.sql(dataSource, runDate, "DELETE FROM inventory_key WHERE key_id = :keyId"),
				Writers.sql(dataSource, runDate,
						"""
								INSERT INTO inventory_key (key_id, source, alias, project, environment, status, owner, owner_type,
								  created_by, created_at, last_used_at, last_rotated_at, expires_at, scopes, allowed_models,
								  allowed_routes, monthly_budget_usd, secret_location, input_file, seen_on)
								VALUES (:keyId, :source, :alias, :project, :environment, :status, :owner, :ownerType,
								  :createdBy, :createdAt, :lastUsedAt, :lastRotatedAt, :expiresAt, :scopes, :allowedModels,
								  :allowedRoutes, :monthlyBudgetUsd, :secretLocation, :inputFile, :runDate)"""),
				new ExposureWriter<>(jdbc, InputSource.KEYS, runDate));
	}

	@Bean
	Step loadKeys(LoadSteps loadSteps, MultiResourceItemReader<CsvRow> keysReader,
			InventoryKeyProcessor inventoryKeyProcessor, CompositeItemWriter<InventoryKey> inventoryKeyWriter) {
		return loadSteps.load(InputSource.KEYS, keysReader, inventoryKeyProcessor, inventoryKeyWriter,
				"DELETE FROM inventory_key WHERE seen_on = ?");
	}

}
