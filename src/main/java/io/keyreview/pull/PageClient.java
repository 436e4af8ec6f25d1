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

import io.keyreview.support.Retries;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;

/**
 * GETs the pages of one source with its credential, connect and read timeouts, and sends
 * its admin requests. A 429, a 5xx or a timeout is retried ({@link Retries}) after the
 * server's {@code Retry-After}, else after an exponential backoff, both capped; any other
 * error status fails a page at once, and is an admin request's answer.
 */
class PageClient {

	private final SourceSettings source;

	private final @Nullable Credential credential;

	private final HttpClient http;

	private final Retries retries;

	PageClient(SourceSettings source, @Nullable Credential credential) {
		this.source = source;
		this.credential = credential;
		this.retries = new Retries(source.retries(), source.backoff(), source.maxBackoff(),
				TransientFailure.class::isInstance);
		this.http = HttpClient.newBuilder()
			.connectTimeout(source.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	Page get(URI uri) {
		return retried("GET " + uri, () -> attempt(uri));
	}

	/**
	 * Sends an admin request (JSON body, if any) with an idempotency marker, and returns
	 * its answer: any status but a 429 or a 5xx, which are retried.
	 */
	Reply send(AdminRequest admin, String idempotencyKey) {
		return retried(admin.method() + " " + admin.url(), () -> {
			HttpRequest.Builder request = authorised(HttpRequest.newBuilder(admin.url()))
				.header("Idempotency-Key", idempotencyKey)
				.method(admin.method(),
						(admin.body() != null)
								? HttpRequest.BodyPublishers.ofString(admin.body(), StandardCharsets.UTF_8)
								: HttpRequest.BodyPublishers.noBody());
			if (admin.body() != null) {
				request.header("Content-Type", "application/json");
			}
			HttpResponse<String> response = exchange(request.build(), admin.method() + " " + admin.url());
			return new Reply(response.statusCode(), response.body());
		});
	}

	/** An admin request's answer. */
	record Reply(int status, String body) {

	}

	private <T> T retried(String what, org.springframework.core.retry.Retryable<T> call) {
		try {
			return this.retries.call(call);
		}
		catch (RetryException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw new PullException(this.source.name() + ": interrupted: " + what);
			}
			if (ex.getLastException() instanceof TransientFailure failure) {
				throw new PullException(failure.getMessage() + " after " + this.retries.attempts() + " attempt(s)");
			}
			if (ex.getLastException() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new PullException(this.source.name() + ": " + what + " failed: " + ex.getLastException());
		}
	}

	private Page attempt(URI uri) {
		HttpResponse<String> response = exchange(authorised(HttpRequest.newBuilder(uri)).GET().build(), "GET " + uri);
		int status = response.statusCode();
		if (status / 100 == 2) {
			return new Page(uri, response.headers(), response.body());
		}
		throw new PullException(this.source.name() + ": GET " + uri + " answered HTTP " + status
				+ ((status == 401 || status == 403) ? " (check the source's credential)" : ""));
	}

	/** The response, unless it is a 429, a 5xx or a timeout (worth another attempt). */
	private HttpResponse<String> exchange(HttpRequest request, String what) {
		try {
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			int status = response.statusCode();
			if (status == 429 || status >= 500) {
				throw new TransientFailure(this.source.name() + ": " + what + " answered HTTP " + status,
						retryAfter(response));
			}
			return response;
		}
		catch (IOException ex) {
			throw new TransientFailure(this.source.name() + ": " + what + " failed: " + ex.getClass().getSimpleName(),
					Optional.empty());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PullException(this.source.name() + ": interrupted: " + what);
		}
	}

	private HttpRequest.Builder authorised(HttpRequest.Builder request) {
		request.timeout(this.source.readTimeout()).header("Accept", "application/json");
		if (this.credential != null) {
			switch (this.source.type()) {
				case ANTHROPIC ->
					request.header("x-api-key", this.credential.value()).header("anthropic-version", "2023-06-01");
				case OKTA -> request.header("Authorization", "SSWS " + this.credential.value());
				default -> request.header("Authorization", "Bearer " + this.credential.value());
			}
		}
		return request;
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

	/**
	 * A 429, a 5xx or a timeout: worth another attempt, after the wait the server asked
	 * for if any.
	 */
	private static final class TransientFailure extends RuntimeException implements Retries.RetryAfter {

		private final transient Optional<Duration> retryAfter;

		TransientFailure(String message, Optional<Duration> retryAfter) {
			super(message, null, false, false);
			this.retryAfter = retryAfter;
		}

		@Override
		public Optional<Duration> retryAfter() {
			return this.retryAfter;
		}

	}

}
