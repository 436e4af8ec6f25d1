package io.keyreview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.BindException;

@SpringBootApplication
public class KeyreviewApplication {

	private static final int BAD_CONFIGURATION = 2;

	private static final int FAILED = 1;

	public static void main(String[] args) {
		int exitCode;
		try {
			exitCode = SpringApplication.exit(SpringApplication.run(KeyreviewApplication.class, args));
		}
		catch (RuntimeException ex) {
			exitCode = isBadConfiguration(ex) ? BAD_CONFIGURATION : FAILED;
		}
		System.exit(exitCode);
	}

	private static boolean isBadConfiguration(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException) {
				return true;
			}
		}
		return false;
	}

}
