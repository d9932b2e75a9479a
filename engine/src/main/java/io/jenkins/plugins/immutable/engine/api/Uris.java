package io.jenkins.plugins.immutable.engine.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User info (a user name, a password, a token) taken out of URIs before anything records them. Callers pass what
 * they have ({@code GIT_URL} may be {@code https://x-access-token:TOKEN@github.com/o/r.git}); the engine records
 * {@code https://github.com/o/r.git}.
 *
 * <ul>
 * <li>{@code scheme://USERINFO@host…}: everything between {@code ://} and the last {@code @} before the first
 * {@code /}, {@code ?}, {@code #} (RFC 3986's authority) goes, the user name too: tokens are often given as the
 * user name ({@code https://TOKEN@github.com/…}).</li>
 * <li>scp-like git addresses {@code user:PASSWORD@host:path}: the password goes, a bare ssh user
 * ({@code git@github.com:o/r.git}) stays, since it names an account, not a secret, and git needs it.</li>
 * </ul>
 */
public final class Uris {

    private static final Pattern SCHEME_USERINFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*://)[^/?#]*@");
    private static final Pattern SCP_PASSWORD = Pattern.compile("^([^@/:\\s]+):[^@/\\s]*@([^:/\\s]+:)");
    private static final Pattern USERINFO_IN_TEXT = Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.\\-]*://)[^/?#\\s\"'<>]*@");

    private Uris() {
    }

    /** {@code uri} without its user info; {@code null} stays {@code null}. */
    public static String withoutUserInfo(String uri) {
        if (uri == null || uri.indexOf('@') < 0) {
            return uri; // no user info without an '@' (and no regular expressions to run for every release read)
        }
        String stripped = uri;
        Matcher scheme = SCHEME_USERINFO.matcher(uri);
        Matcher scp = SCP_PASSWORD.matcher(uri);
        if (scheme.find()) {
            stripped = scheme.replaceFirst(Matcher.quoteReplacement(scheme.group(1)));
        } else if (scp.find()) {
            stripped = scp.replaceFirst(Matcher.quoteReplacement(scp.group(1) + "@" + scp.group(2)));
        }
        // A URI nested in the query (?redirect=https://u:p@…) is still a URI with user info.
        return scrubText(stripped);
    }

    /** Whether {@link #withoutUserInfo} would change {@code uri}. */
    public static boolean hasUserInfo(String uri) {
        return uri != null && !uri.equals(withoutUserInfo(uri));
    }

    /** Free text (a message, a log line) with the user info of every {@code scheme://…@} URI in it taken out. */
    public static String scrubText(String text) {
        if (text == null || !text.contains("@")) {
            return text;
        }
        return USERINFO_IN_TEXT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
}
