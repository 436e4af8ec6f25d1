package io.keyreview.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of the test database, to play an outage: paused, it
 * forwards nothing (a frozen server); cut, it drops every connection and refuses new ones
 * (a server that is down).
 */
final class DatabaseProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Object pause = new Object();

	private volatile boolean paused;

	DatabaseProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "database-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Stops forwarding bytes, both ways, on every connection, old and new. */
	void pause() {
		this.paused = true;
	}

	/** Drops every connection and refuses new ones. */
	void cut() {
		close();
	}

	@Override
	public void close() {
		closeQuietly(this.server);
		this.sockets.forEach(DatabaseProxy::closeQuietly);
		synchronized (this.pause) {
			this.paused = false;
			this.pause.notifyAll();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket database = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(database);
				pump(client, database);
				pump(database, client);
			}
			catch (IOException ex) {
				// closed: the proxy is cut
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					awaitResume();
					if (from.isClosed()) {
						return;
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// a side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "database-proxy-pump");
		pump.setDaemon(true);
		pump.start();
	}

	private void awaitResume() throws InterruptedException {
		synchronized (this.pause) {
			while (this.paused) {
				this.pause.wait();
			}
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
