package dev.tradecraft.server.web;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Who may read the dashboard: whoever holds the token. The API takes it in a header
 * ({@code Authorization: Bearer}, or {@code X-Tradecraft-Token}); a browser brings it once in the
 * address ({@code /?token=...}), gets it back as an HttpOnly, SameSite=Strict cookie and is sent to
 * the same address without it, so the token leaves the address bar and the history at once.
 */
final class Access
{
    static final String COOKIE = "tradecraft_token";
    static final String HEADER = "X-Tradecraft-Token";
    static final String QUERY = "token";

    private final Token token;

    Access(Token token)
    {
        this.token = requireNonNull(token, "token is null");
    }

    /** Lets the request through, or throws {@link Refusal}; a browser's token in the address ends in a redirect. */
    void check(Context ctx)
    {
        if (isApi(ctx.path())) {
            if (!token.matches(headerToken(ctx))) {
                throw new Refusal("this API needs the dashboard's token: send 'Authorization: Bearer TOKEN' or '" + HEADER + ": TOKEN'");
            }
            return;
        }
        String offered = ctx.queryParam(QUERY);
        if (offered != null) {
            if (!token.matches(offered)) {
                throw new Refusal("the token in the address is not this dashboard's token");
            }
            ctx.header("Set-Cookie", COOKIE + "=" + token.value() + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (token.matches(ctx.cookie(COOKIE)) || token.matches(headerToken(ctx))) {
            return;
        }
        throw new Refusal("this dashboard needs its token: open the address 'tradecraft serve' printed (it ends in ?token=...)");
    }

    static boolean isApi(String path)
    {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String headerToken(Context ctx)
    {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return ctx.header(HEADER);
    }

    /** The same path and query without the token. Never a scheme-relative {@code //host} address: that would send the browser elsewhere. */
    private static String withoutToken(Context ctx)
    {
        String path = ctx.path();
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            path = "/";
        }
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (parameter.getKey().equals(QUERY)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                query.add(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.length() == 0 ? path : path + "?" + query;
    }
}
