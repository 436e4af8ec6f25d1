package io.keyreview.intake;

import io.keyreview.run.RunDate;
import io.keyreview.support.SqlValues;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.BeanPropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Named SQL parameters from a record's components, converted by {@link SqlValues}, plus
 * {@code :runDate}.
 */
public class RecordParameterSource extends BeanPropertySqlParameterSource {

	private final LocalDate runDate;

	public RecordParameterSource(Object record, LocalDate runDate) {
		super(record);
		this.runDate = runDate;
	}

	@Override
	public boolean hasValue(String paramName) {
		return RunDate.PARAMETER.equals(paramName) || super.hasValue(paramName);
	}

	@Override
	public @Nullable Object getValue(String paramName) {
		if (RunDate.PARAMETER.equals(paramName)) {
			return this.runDate;
		}
		return SqlValues.toColumn(super.getValue(paramName));
	}

	@Override
	public int getSqlType(String paramName) {
		return SqlParameterSource.TYPE_UNKNOWN;
	}

}
