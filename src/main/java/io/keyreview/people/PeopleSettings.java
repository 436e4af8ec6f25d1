package io.keyreview.people;

import java.util.Map;

import io.keyreview.intake.CanonicalColumns;
import io.keyreview.intake.ColumnMapping;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to read an HR export that is not in the canonical {@code people.csv} form
 * ({@code keyreview.people.*}).
 *
 * @param columns canonical column to the export's header, e.g.
 * {@code email: Primary_Work_Email}
 * @param values canonical column to (the export's value to the canonical value), e.g.
 * {@code worker_type: {"[Contingent Worker]": contractor}}
 */
@ConfigurationProperties("keyreview.people")
public record PeopleSettings(Map<String, String> columns, Map<String, Map<String, String>> values) {

	public PeopleSettings {
		columns = (columns != null) ? columns : Map.of();
		values = (values != null) ? values : Map.of();
	}

	ColumnMapping mapping() {
		return new ColumnMapping(CanonicalColumns.PEOPLE, this.columns, this.values);
	}

}
