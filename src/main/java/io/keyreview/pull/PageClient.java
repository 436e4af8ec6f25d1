package io.keyreview.pull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs the pages of one source with its credential, connect and read timeouts. A 429, a
 * 5xx or a timeout is retried after the server's {@code Retry-After}, else after an
 * exponential backoff, both capped; any other error status fails at once.
 */
class PageClient {

	private static final Logger logger = LoggerFactory.getLogger(PageClient.class);

	private final SourceSettings source;

	private final @Nullable Credential credential;

	private final HttpClient http;

	PageClient(SourceSettings source, @Nullable Credential credential) {
		this.source = source;
		this.credential = credential;
		this.http = HttpClient.newBuilder()
			.connectTimeout(source.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	Page get(URI uri) {
		int attempts = this.source.retries() + 1;
		for (int attempt = 1;; attempt++) {
			String problem;
			Duration wait;
			try {
				HttpResponse<String> response = this.http.send(request(uri),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				int status = response.statusCode();
				if (status / 100 == 2) {
					return new Page(uri, response.headers(), response.body());
				}
				if (status != 429 && status < 500) {
					throw new PullException(this.source.name() + ": GET " + uri + " answered HTTP " + status
							+ ((status == 401 || status == 403) ? " (check the source's credential)" : ""));
				}
				problem = "answered HTTP " + status;
				wait = retryAfter(response).orElse(backoff(attempt));
			}
			catch (IOException ex) {
				problem = "failed: " + ex.getClass().getSimpleName();
				wait = backoff(attempt);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PullException(this.source.name() + ": interrupted while pulling " + uri);
			}
			if (attempt >= attempts) {
				throw new PullException(
						this.source.name() + ": GET " + uri + " " + problem + " after " + attempts + " attempt(s)");
			}
			wait = (wait.compareTo(this.source.maxBackoff()) > 0) ? this.source.maxBackoff() : wait;
			logger.warn("{}: GET {} {}; retrying in {} ms (attempt {} of {})", this.source.name(), uri, problem,
					wait.toMillis(), attempt + 1, attempts);
			pause(wait);
		}
	}

	private HttpRequest request(URI uri) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.source.readTimeout())
			.header("Accept", "application/json")
			.GET();
		if (this.credential != null) {
			switch (this.source.type()) {
				case ANTHROPIC ->
					request.header("x-api-key", this.credential.value()).header("anthropic-version", "2023-06-01");
				case OKTA -> request.header("Authorization", "SSWS " + this.credential.value());
				default -> request.header("Authorization", "Bearer " + this.credential.value());
			}
		}
		return request.build();
	}

	private Duration backoff(int attempt) {
		return this.source.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
	}

	/** {@code Retry-After} as seconds or as an HTTP date. */
	private static Optional<Duration> retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").map((value) -> {
			try {
				return Duration.ofSeconds(Long.parseLong(value.strip()));
			}
			catch (NumberFormatException ex) {
				try {
					Duration until = Duration.between(ZonedDateTime.now(),
							ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
					return until.isNegative() ? Duration.ZERO : until;
				}
				catch (DateTimeParseException unreadable) {
					return null;
				}
			}
		});
	}

	private void pause(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PullException(this.source.name() + ": interrupted while waiting to retry");
		}
	}

}
