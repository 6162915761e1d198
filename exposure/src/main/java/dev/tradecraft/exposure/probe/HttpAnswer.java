package dev.tradecraft.exposure.probe;

import static java.util.Objects.requireNonNull;

import dev.tradecraft.exposure.scan.HttpHeaders;

/**
 * One parsed HTTP response.
 *
 * @param version the protocol of the status line, such as {@code HTTP/1.1}
 * @param status the status code
 * @param reason the reason phrase, possibly empty
 * @param headers the headers in the order sent, folded lines joined
 * @param body the first bytes of the body, after de-chunking, at most the cap
 * @param bodyCut whether the body went on beyond the cap (for a body without a length: whether it filled the cap)
 * @param rawHead the status line and header lines as received (ISO-8859-1), ending with an empty line
 */
record HttpAnswer(String version, int status, String reason, HttpHeaders headers, byte[] body, boolean bodyCut, String rawHead)
{
    HttpAnswer
    {
        requireNonNull(version, "version is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(headers, "headers is null");
        requireNonNull(body, "body is null");
        requireNonNull(rawHead, "rawHead is null");
    }
}
