package io.keyreview.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;

import javax.net.SocketFactory;

/**
 * Plain SMTP sockets with Nagle's algorithm off. The "." that ends a message's data is a
 * small write right after the body: with Nagle's algorithm on, it waits until the server
 * acknowledges the body, which a server's TCP delays by up to 40 ms, and so every message
 * waited that long for its "250".
 */
final class NoDelaySocketFactory extends SocketFactory {

	@Override
	public Socket createSocket() throws SocketException {
		return noDelay(new Socket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return noDelay(new Socket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(new Socket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return noDelay(new Socket(address, port, localAddress, localPort));
	}

	private static Socket noDelay(Socket socket) throws SocketException {
		socket.setTcpNoDelay(true);
		return socket;
	}

}
