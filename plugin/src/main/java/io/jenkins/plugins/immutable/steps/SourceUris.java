package io.jenkins.plugins.immutable.steps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source URI as it may be recorded: {@code GIT_URL} of an HTTPS checkout often carries {@code user:token@}, which
 * would reach build.xml, /api/json, the build page and the provenance. The user info is dropped; scp-like
 * {@code git@host:path} (a user name, no secret) is kept as Git shows it.
 */
final class SourceUris {

    /** scheme://userinfo@rest, userinfo being everything up to the last '@' before the first '/' of the authority. */
    private static final Pattern WITH_USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*://)[^/?#]*@([^/?#]*.*)$", Pattern.DOTALL);

    private SourceUris() {
    }

    static String withoutUserInfo(String uri) {
        if (uri == null) {
            return null;
        }
        Matcher m = WITH_USER_INFO.matcher(uri.strip());
        return m.matches() ? m.group(1) + m.group(2) : uri.strip();
    }
}
