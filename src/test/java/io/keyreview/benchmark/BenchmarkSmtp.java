package io.keyreview.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keyreview.jobs.SmtpStub;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * The SMTP server in the benchmark's JVM that the jobs send their mail to:
 * {@code greenmail}, which parses and keeps every message, or {@code stub}, which answers
 * each command and keeps nothing but counts, as a relay that only queues would.
 */
interface BenchmarkSmtp extends AutoCloseable {

	static BenchmarkSmtp start(String kind) throws IOException {
		return switch (kind) {
			case "greenmail" -> new KeepingEveryMessage();
			case "stub" -> new AcceptingOnly();
			default -> throw new IllegalArgumentException("benchmark.smtp: greenmail or stub, not " + kind);
		};
	}

	int port();

	/** Deliveries (one per recipient and Cc) since the last call. */
	int takeDeliveries() throws Exception;

	String description();

	@Override
	void close();

	final class KeepingEveryMessage implements BenchmarkSmtp {

		private final GreenMail greenMail;

		KeepingEveryMessage() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				this.greenMail = new GreenMail(
						new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			}
			this.greenMail.start();
		}

		@Override
		public int port() {
			return this.greenMail.getSmtp().getPort();
		}

		@Override
		public int takeDeliveries() throws Exception {
			int delivered = this.greenMail.getReceivedMessages().length;
			this.greenMail.purgeEmailFromAllMailboxes();
			return delivered;
		}

		@Override
		public String description() {
			return "GreenMail in the benchmark JVM";
		}

		@Override
		public void close() {
			this.greenMail.stop();
		}

	}

	final class AcceptingOnly implements BenchmarkSmtp {

		private final SmtpStub stub = new SmtpStub();

		private int counted;

		AcceptingOnly() throws IOException {
		}

		@Override
		public int port() {
			return this.stub.port();
		}

		@Override
		public int takeDeliveries() throws Exception {
			int total = this.stub.deliveries();
			int delivered = total - this.counted;
			this.counted = total;
			return delivered;
		}

		@Override
		public String description() {
			return "an SMTP stub in the benchmark JVM that accepts each message and keeps none";
		}

		@Override
		public void close() {
			this.stub.close();
		}

	}

}
