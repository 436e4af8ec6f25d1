package io.keyreview.support;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

/**
 * Whether a text is one plain e-mail address ({@code name@example.com}) that a mail
 * server takes: checked where addresses are loaded, so none fails only when it is mailed.
 */
public final class EmailAddresses {

	private static final Pattern DOT_ATOM = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
				+ "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private EmailAddresses() {
	}

	public static boolean isValid(@Nullable String address) {
		if (address == null || address.length() > 254 || !DOT_ATOM.matcher(address).matches()) {
			return false;
		}
		try {
			new InternetAddress(address, true).validate();
			return true;
		}
		catch (AddressException ex) {
			return false;
		}
	}

}
