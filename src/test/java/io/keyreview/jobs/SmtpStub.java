package io.keyreview.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of an SMTP server to know which messages it accepted, and to hold one
 * message unanswered (after its data, before "250") so a test can kill the sender there.
 */
public class SmtpStub implements AutoCloseable {

	private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(\\S+)");

	private final ServerSocket server;

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private final List<String> greetings = new CopyOnWriteArrayList<>();

	private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();

	private volatile String senderReply = "250 ok";

	private final CountDownLatch holding = new CountDownLatch(1);

	private volatile int holdMessage;

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicInteger deliveries = new AtomicInteger();

	public SmtpStub() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptConnections, "smtp-stub");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** The n-th message (1-based) gets no answer after its data. */
	void holdMessage(int n) {
		this.holdMessage = n;
	}

	void awaitHolding() throws InterruptedException {
		this.holding.await();
	}

	/** The Message-IDs of the messages answered "250", in order. */
	List<String> accepted() {
		return this.accepted;
	}

	/** The recipients (To and Cc) of the messages answered "250", counted. */
	public int deliveries() {
		return this.deliveries.get();
	}

	/** Answers "RCPT TO" for the address with the reply ("550 5.1.1 no such user"). */
	public void answerRecipient(String address, String reply) {
		this.recipientReplies.put("<" + address + ">", reply);
	}

	/** Answers "MAIL FROM" with the reply ("553 5.7.1 sender rejected"). */
	public void answerSender(String reply) {
		this.senderReply = reply;
	}

	/** The EHLO and HELO commands the clients sent, in order. */
	public List<String> greetings() {
		return this.greetings;
	}

	private void acceptConnections() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				Thread session = new Thread(() -> converse(socket), "smtp-stub-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void converse(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				OutputStream out = socket.getOutputStream()) {
			reply(out, "220 stub ESMTP");
			int recipients = 0;
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO", "HELO" -> {
						this.greetings.add(line);
						reply(out, "250 stub");
					}
					case "MAIL" -> {
						recipients = 0;
						reply(out, this.senderReply);
					}
					case "RCPT" -> {
						String recipientReply = this.recipientReplies
							.getOrDefault(line.replaceFirst("(?i)^RCPT TO:", ""), "250 ok");
						recipients += recipientReply.startsWith("250") ? 1 : 0;
						reply(out, recipientReply);
					}
					case "DATA" -> {
						reply(out, "354 go on");
						StringBuilder data = new StringBuilder();
						for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
							data.append(body).append('\n');
						}
						if (this.received.incrementAndGet() == this.holdMessage) {
							this.holding.countDown();
							Thread.sleep(Long.MAX_VALUE);
						}
						Matcher id = MESSAGE_ID.matcher(data);
						this.accepted.add(id.find() ? id.group(1) : "(none)");
						this.deliveries.addAndGet(recipients);
						reply(out, "250 accepted");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// the sender went away
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
