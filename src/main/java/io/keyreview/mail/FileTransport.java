package io.keyreview.mail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import jakarta.mail.Session;

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
	public void send(OutboxMessage message, String from) throws Exception {
		Path cycle = this.folder.resolve(message.cycle());
		Files.createDirectories(cycle);
		String name = message.recipient() + ((message.cc() != null) ? "+cc-" + message.cc() : "");
		Path file = cycle.resolve(name.replaceAll("[^A-Za-z0-9@._+-]", "_") + ".eml");
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (OutputStream out = Files.newOutputStream(partial)) {
			MailTransport.mimeMessage(this.session, message, from).writeTo(out);
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public String toString() {
		return "files under " + this.folder;
	}

}
