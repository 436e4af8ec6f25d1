package io.keyreview.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Makes the driver settings of {@code spring.datasource.hikari.data-source-properties}
 * defaults: one the JDBC URL sets itself (for example {@code ?socketTimeout=3600000})
 * wins, though the driver would let the pool's properties override the URL.
 */
@Component
class DriverDefaults implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null) {
			Set<String> onTheUrl = urlSettings(dataSource.getJdbcUrl());
			Properties defaults = dataSource.getDataSourceProperties();
			defaults.keySet().removeIf((key) -> onTheUrl.contains(key.toString().toLowerCase(Locale.ROOT)));
		}
		return bean;
	}

	/** The names of the settings in the URL's query, in lower case. */
	static Set<String> urlSettings(String url) {
		int query = url.indexOf('?');
		if (query < 0) {
			return Set.of();
		}
		return Arrays.stream(url.substring(query + 1).split("&"))
			.map((setting) -> setting.split("=", 2)[0].strip().toLowerCase(Locale.ROOT))
			.filter((name) -> !name.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

}
