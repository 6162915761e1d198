package dev.tradecraft.exposure.probe;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

/**
 * A request that was answered.
 *
 * @param request method and path, as in {@code GET /_layouts/15/start.aspx}
 * @param peer the address that answered
 * @param answer the parsed answer
 * @param certificateNames DNS names of the server certificate, for HTTPS
 * @param time when the answer was complete
 */
record Reply(String request, InetAddress peer, HttpAnswer answer, List<String> certificateNames, Instant time)
{
    Reply
    {
        requireNonNull(request, "request is null");
        requireNonNull(peer, "peer is null");
        requireNonNull(answer, "answer is null");
        certificateNames = List.copyOf(requireNonNull(certificateNames, "certificateNames is null"));
        requireNonNull(time, "time is null");
    }
}
