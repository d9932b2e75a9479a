package io.jenkins.plugins.immutable.record;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a release's {@code builderId} may link. The id comes from an agent or an engine ledger, so it is untrusted:
 * Jelly escaping keeps it from breaking out of the attribute, but not a {@code javascript:} URL from running. Only
 * absolute http(s) URLs and Jenkins build paths ({@code job/…/41/}, what {@code Run.getUrl()} gives) become links.
 */
public final class BuilderLinks {

    /** {@code job/NAME/(job/NAME/)*N/}: no scheme, no backslash, no dot segments, no query. */
    private static final Pattern BUILD_PATH = Pattern.compile("job/([A-Za-z0-9_.~%+\\-]+/job/)*[A-Za-z0-9_.~%+\\-]+/[0-9]+/?");

    private BuilderLinks() {
    }

    /**
     * @param builderId   the recorded id
     * @param rootUrl     Jenkins' configured root URL, or {@code null}/blank when none is set
     * @param contextPath the servlet context path (Jelly's {@code rootURL}: {@code ""} or {@code /jenkins})
     * @return the link target, or {@code null} when the id must be shown as text only
     */
    public static String href(String builderId, String rootUrl, String contextPath) {
        if (builderId == null || builderId.isBlank()) {
            return null;
        }
        String id = builderId.strip();
        if (BUILD_PATH.matcher(id).matches() && !id.contains("/../") && !id.contains("/./")) {
            String base = rootUrl != null && !rootUrl.isBlank() ? rootUrl.strip() : (contextPath == null ? "" : contextPath);
            return base.endsWith("/") ? base + id : base + "/" + id;
        }
        return absoluteHttp(id);
    }

    private static String absoluteHttp(String id) {
        try {
            URI uri = new URI(id);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()) {
                return uri.toASCIIString();
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
