package dev.tradecraft.exposure.probe;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * One HTTP/1.1 request on its own connection, over plain sockets rather than
 * {@code java.net.http.HttpClient}: the probe needs the headers in the order sent, no automatic
 * redirects or connection reuse, and a hard deadline on everything after the connect. The
 * deadline is kept twice over: every read waits at most the time left, and a watchdog closes the
 * raw socket when time is up, which also stops a TLS handshake that trickles.
 */
final class HttpExchange
{
    private static final int MAX_CERTIFICATE_NAMES = 32;

    private final ProbeOptions options;
    private final SSLSocketFactory tlsFactory;
    private final ScheduledExecutorService watchdog;

    HttpExchange(ProbeOptions options, ScheduledExecutorService watchdog)
    {
        this.options = requireNonNull(options, "options is null");
        this.watchdog = requireNonNull(watchdog, "watchdog is null");
        this.tlsFactory = tlsFactory(options.trustAllCertificates());
    }

    private static SSLSocketFactory tlsFactory(boolean trustAll)
    {
        if (!trustAll) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingTrustManager()}, null);
            return context.getSocketFactory();
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context available: " + e, e);
        }
    }

    /** Sends {@code method path} to the target at the first of the addresses that accepts a connection. */
    Reply exchange(ProbeTarget target, List<InetAddress> addresses, String method, String path)
            throws ExchangeException
    {
        Socket raw = connect(target, addresses);
        long readTimeoutNanos = options.readTimeout().toNanos();
        long deadline = System.nanoTime() + readTimeoutNanos;
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            expired.set(true);
            closeQuietly(raw);
        }, readTimeoutNanos, TimeUnit.NANOSECONDS);
        DeadlineInputStream input = null;
        String phase = "the TLS handshake";
        try {
            Socket socket = raw;
            List<String> certificateNames = List.of();
            if (target.tls()) {
                SSLSocket tls = handshake(raw, target, deadline);
                certificateNames = certificateNames(tls.getSession());
                socket = tls;
            }
            phase = "sending the request";
            OutputStream out = socket.getOutputStream();
            out.write(request(target, method, path));
            out.flush();
            phase = "the response";
            input = new DeadlineInputStream(socket, deadline);
            HttpAnswer answer = ResponseReader.read(input, method.equals("HEAD"), options.maxBodyBytes());
            return new Reply(method + " " + path, raw.getInetAddress(), answer, certificateNames, Instant.now());
        }
        catch (ExchangeException e) {
            throw expired.get() ? timeout(phase, input) : e;
        }
        catch (SocketTimeoutException e) {
            throw timeout(phase, input);
        }
        catch (SSLException e) {
            throw expired.get() ? timeout(phase, input) : new ExchangeException(ProbeFailure.Kind.TLS, describe(e));
        }
        catch (IOException e) {
            throw expired.get() ? timeout(phase, input) : new ExchangeException(ProbeFailure.Kind.IO, describe(e));
        }
        finally {
            alarm.cancel(false);
            closeQuietly(raw);
        }
    }

    private Socket connect(ProbeTarget target, List<InetAddress> addresses)
            throws ExchangeException
    {
        long timeoutNanos = options.connectTimeout().toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        IOException last = null;
        for (InetAddress address : addresses) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, target.port()), millis(remaining));
                socket.setTcpNoDelay(true);
                return socket;
            }
            catch (IOException e) {
                closeQuietly(socket);
                last = e;
            }
        }
        String limit = options.connectTimeout().toMillis() + " ms";
        if (last == null || last instanceof SocketTimeoutException) {
            throw new ExchangeException(ProbeFailure.Kind.TIMEOUT, "no connection within " + limit);
        }
        if (last instanceof NoRouteToHostException) {
            throw new ExchangeException(ProbeFailure.Kind.UNREACHABLE, describe(last));
        }
        if (last instanceof ConnectException) {
            String message = String.valueOf(last.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("timed out")) {
                throw new ExchangeException(ProbeFailure.Kind.TIMEOUT, "no connection within " + limit + ": " + last.getMessage());
            }
            if (message.contains("refused")) {
                throw new ExchangeException(ProbeFailure.Kind.REFUSED, "connection refused");
            }
            throw new ExchangeException(ProbeFailure.Kind.UNREACHABLE, describe(last));
        }
        throw new ExchangeException(ProbeFailure.Kind.IO, describe(last));
    }

    private SSLSocket handshake(Socket raw, ProbeTarget target, long deadline)
            throws IOException
    {
        SSLSocket tls = (SSLSocket) tlsFactory.createSocket(raw, target.host(), target.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        if (!options.trustAllCertificates()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (Hosts.isName(target.host())) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            }
            catch (IllegalArgumentException e) {
                // Internal names with underscores are not valid SNI names; connect without SNI.
            }
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(millis(deadline - System.nanoTime()));
        tls.startHandshake();
        return tls;
    }

    /** The DNS names of the server certificate: names an address answers for, often its real ones. */
    private static List<String> certificateNames(SSLSession session)
    {
        List<String> names = new ArrayList<>();
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                return names;
            }
            Collection<List<?>> alternatives = ((X509Certificate) chain[0]).getSubjectAlternativeNames();
            if (alternatives == null) {
                return names;
            }
            for (List<?> alternative : alternatives) {
                // Type 2 is dNSName; the value is peer-supplied, so only name-shaped text is kept.
                if (alternative.size() >= 2 && Integer.valueOf(2).equals(alternative.get(0)) && alternative.get(1) instanceof String) {
                    String name = ((String) alternative.get(1)).toLowerCase(Locale.ROOT);
                    String bare = name.startsWith("*.") ? name.substring(2) : name;
                    if (!bare.isEmpty() && Hosts.isName(bare) && Hosts.problem(bare) == null && !names.contains(name)) {
                        names.add(name);
                    }
                }
                if (names.size() == MAX_CERTIFICATE_NAMES) {
                    break;
                }
            }
        }
        catch (IOException | GeneralSecurityException e) {
            // The names are a bonus; a certificate without readable names still gave an answer.
        }
        return names;
    }

    static byte[] request(ProbeTarget target, String method, String path)
    {
        String request = method + " " + path + " HTTP/1.1\r\n"
                + "Host: " + target.authority() + "\r\n"
                + "User-Agent: " + Prober.USER_AGENT + "\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        return request.getBytes(ISO_8859_1);
    }

    private ExchangeException timeout(String phase, DeadlineInputStream input)
    {
        String progress = input == null ? "stuck in " + phase : input.received() + " bytes of the response received";
        return new ExchangeException(ProbeFailure.Kind.TIMEOUT,
                "no complete answer within " + options.readTimeout().toMillis() + " ms (" + progress + ")");
    }

    private static String describe(Throwable e)
    {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    private static int millis(long nanos)
    {
        long millis = (nanos + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    private static void closeQuietly(Socket socket)
    {
        try {
            socket.close();
        }
        catch (IOException e) {
            // Closing is best effort: the socket is abandoned either way.
        }
    }

    /** Lets each read wait only for the time left before the deadline. */
    private static final class DeadlineInputStream extends InputStream
    {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private long received;

        DeadlineInputStream(Socket socket, long deadline)
                throws IOException
        {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        long received()
        {
            return received;
        }

        @Override
        public int read()
                throws IOException
        {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length)
                throws IOException
        {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout(millis(remaining));
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                received += n;
            }
            return n;
        }
    }
}
