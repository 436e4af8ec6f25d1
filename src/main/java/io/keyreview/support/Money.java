package io.keyreview.support;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in USD as people read them: to the cent, rounded half-even. */
public final class Money {

	private Money() {
	}

	public static BigDecimal cents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN);
	}

	public static String usd(BigDecimal amount) {
		return "$" + cents(amount).toPlainString();
	}

}
