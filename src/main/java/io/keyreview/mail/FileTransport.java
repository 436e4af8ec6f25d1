package io.keyreview.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import io.keyreview.support.AtomicFile;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes each message to {@code <out>/mail/<cycle>/<recipient>.eml}, whole or not at all:
 * the mail of the embedded default, where no SMTP server is configured.
 */
class FileTransport implements MailTransport {

	private final Path folder;

	private final Session session = Session.getInstance(new Properties());

	FileTransport(Path folder) {
		this.folder = folder;
	}

	@Override
	public Connection connect() {
		return this::write;
	}

	private void write(OutboxMessage message, Sender from) throws Exception {
		Path cycle = this.folder.resolve(message.cycle());
		String name = message.recipient() + ((message.cc() != null) ? "+cc-" + message.cc() : "");
		Path file = cycle.resolve(name.replaceAll("[^A-Za-z0-9@._+-]", "_") + ".eml");
		MimeMessage mime = MailTransport.mimeMessage(this.session, message, from);
		AtomicFile.write(file, (out) -> {
			try {
				mime.writeTo(out);
			}
			catch (MessagingException ex) {
				throw new IOException("Cannot write " + file, ex);
			}
		});
	}

	@Override
	public String toString() {
		return "files under " + this.folder;
	}

}
