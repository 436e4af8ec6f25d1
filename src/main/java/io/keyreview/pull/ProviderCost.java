package io.keyreview.pull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cost a provider's own cost data reported, in USD.
 *
 * @param keyId the key it is for, or empty where the provider reports cost per project or
 * workspace only
 */
record ProviderCost(LocalDate day, String keyId, String project, String description, BigDecimal amountUsd) {

}
