package dev.tradecraft.exposure.probe;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A raw TCP peer on 127.0.0.1 that plays a script on every connection: exact bytes for answers
 * whose header order and spelling matter, and the broken, silent and trickling peers that no
 * real HTTP server library will imitate.
 */
final class ScriptedPeer
        implements AutoCloseable
{
    interface Script
    {
        void play(String requestHead, InputStream in, OutputStream out)
                throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Script script;
    private final boolean readsRequest;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "scripted-peer");
        thread.setDaemon(true);
        return thread;
    });

    private ScriptedPeer(Script script, boolean readsRequest)
            throws IOException
    {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.readsRequest = readsRequest;
        threads.execute(this::acceptLoop);
    }

    /** Reads each request head, then plays the script. */
    static ScriptedPeer start(Script script)
            throws IOException
    {
        return new ScriptedPeer(script, true);
    }

    /** Plays the script as soon as a connection is accepted, reading nothing. */
    static ScriptedPeer startWithoutReading(Script script)
            throws IOException
    {
        return new ScriptedPeer(script, false);
    }

    /** Answers by request line ("HEAD /"), writes the answer, then waits for the client to hang up. */
    static Script routes(Map<String, String> answers)
    {
        return (request, in, out) -> {
            String answer = answers.get(requestLine(request));
            out.write((answer != null ? answer : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n").getBytes(ISO_8859_1));
            out.flush();
            // Holding the connection open shows the client stops on its own at the end of the answer.
            while (in.read() >= 0) {
                continue;
            }
        };
    }

    /** Writes the text, then closes. */
    static Script answer(String text)
    {
        return (request, in, out) -> {
            out.write(text.getBytes(ISO_8859_1));
            out.flush();
        };
    }

    /** Writes the bytes one at a time, pausing between them. */
    static Script trickle(byte[] bytes, long pauseMillis)
    {
        return (request, in, out) -> {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        };
    }

    /** Says nothing until the client hangs up. */
    static Script silent()
    {
        return (request, in, out) -> {
            while (in.read() >= 0) {
                continue;
            }
        };
    }

    static String requestLine(String requestHead)
    {
        int end = requestHead.indexOf("\r\n");
        String line = end < 0 ? requestHead : requestHead.substring(0, end);
        return line.endsWith(" HTTP/1.1") ? line.substring(0, line.length() - " HTTP/1.1".length()) : line;
    }

    int port()
    {
        return server.getLocalPort();
    }

    /** The request heads received, in order of arrival. */
    List<String> requests()
    {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<String> requestLines()
    {
        List<String> lines = new ArrayList<>();
        for (String request : requests()) {
            lines.add(requestLine(request));
        }
        return lines;
    }

    private void acceptLoop()
    {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            }
            catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket)
    {
        try (socket) {
            InputStream in = socket.getInputStream();
            String head = "";
            if (readsRequest) {
                head = readHead(in);
                requests.add(head);
            }
            script.play(head, in, socket.getOutputStream());
        }
        catch (IOException | InterruptedException e) {
            // The client hung up or the peer is closing: either ends this connection's script.
        }
    }

    private static String readHead(InputStream in)
            throws IOException
    {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length && head.size() < 16 * 1024) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(ISO_8859_1);
    }

    @Override
    public void close()
            throws IOException
    {
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        threads.shutdownNow();
    }
}
