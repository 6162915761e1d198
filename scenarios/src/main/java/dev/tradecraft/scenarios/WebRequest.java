package dev.tradecraft.scenarios;

import static java.util.Objects.requireNonNull;

/**
 * One request as IIS saw it, before it is written in some field layout. Text values are as sent
 * (spaces, not {@code +}); an empty string is written as {@code -}. Which of these values a line
 * shows depends on the organisation's {@code #Fields}.
 *
 * @param time epoch milliseconds, UTC
 * @param method HTTP method
 * @param stem the path, percent-encoded as sent
 * @param query the query without {@code ?}, or empty
 * @param username <code>DOMAIN&#92;user</code> once authenticated, or empty
 * @param clientIp the real client; behind a balancer the writer logs the balancer in {@code c-ip}
 * @param protocol {@code HTTP/1.1} or {@code HTTP/2}
 * @param userAgent the User-Agent header, or empty
 * @param cookie the Cookie header, or empty
 * @param referer the Referer header, or empty
 * @param host the Host header
 * @param status HTTP status
 * @param substatus IIS substatus
 * @param win32Status the Win32 status IIS logs
 * @param responseBytes bytes sent
 * @param requestBytes bytes received
 * @param timeTaken milliseconds
 */
record WebRequest(long time, String method, String stem, String query, String username, String clientIp, String protocol,
        String userAgent, String cookie, String referer, String host, int status, int substatus, long win32Status,
        int responseBytes, int requestBytes, int timeTaken)
{
    WebRequest
    {
        requireNonNull(method, "method is null");
        requireNonNull(stem, "stem is null");
        requireNonNull(query, "query is null");
        requireNonNull(username, "username is null");
        requireNonNull(clientIp, "clientIp is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(userAgent, "userAgent is null");
        requireNonNull(cookie, "cookie is null");
        requireNonNull(referer, "referer is null");
        requireNonNull(host, "host is null");
    }
}
