package io.keyreview.remediation;

import java.time.Clock;

import io.keyreview.pull.VendorAdmins;
import io.keyreview.support.KeyreviewProperties;
import io.keyreview.worklist.ReviewSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RemediationSettings.class)
class RemediationConfiguration {

	@Bean
	Remediation remediation(JdbcTemplate jdbc, VendorAdmins admins, RemediationSettings settings,
			ReviewSettings reviewSettings, KeyreviewProperties properties, Clock clock,
			PlatformTransactionManager transactionManager) {
		return new Remediation(jdbc, admins, settings, reviewSettings, properties.out().resolve("remediation"), clock,
				transactionManager);
	}

}
