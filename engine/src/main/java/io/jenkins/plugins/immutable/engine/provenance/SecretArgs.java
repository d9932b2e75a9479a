package io.jenkins.plugins.immutable.engine.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Build arguments whose names say they hold a secret are recorded by name only: provenance is published, secrets
 * must never be. (Their values still count in the input digest, which reveals nothing.)
 *
 * <h2>The name rule</h2>
 * The name is cut into parts at {@code _ - .}, at lower-to-upper case changes ({@code dbPassword}), before the last
 * capital of a run of capitals followed by lower case ({@code APIKey}) and between letters and digits; parts are
 * compared in lower case. A name looks secret when
 * <ul>
 * <li>a part <em>is</em> one of the short words {@link #WHOLE_PARTS} ({@code key}, {@code pass}, {@code pwd},
 * {@code cred}, {@code auth}, {@code cert}, {@code private}, {@code session}, {@code cookie}, …), so that
 * {@code MY_KEY}, {@code NPM_AUTH} and {@code KEYSTORE_PASS} are secret while {@code KEYBOARD_LAYOUT},
 * {@code MONKEY}, {@code PASSENGER_COUNT}, {@code AUTHOR} and {@code CERTAIN} are not; or</li>
 * <li>a part <em>contains</em> one of the long words {@link #ANYWHERE} ({@code password}, {@code passwd},
 * {@code passphrase}, {@code secret}, {@code token}, {@code credential}, {@code apikey}, {@code privatekey}),
 * which no ordinary word hides, so that names written without separators ({@code DBPASSWORD},
 * {@code GITHUBTOKEN}) are caught too.</li>
 * </ul>
 * A false positive only hides a value from the provenance (it still counts in the input digest); a false negative
 * publishes a secret, so the rule leans towards redacting. For anything the rule cannot know, say it explicitly:
 * a secret build argument ({@code --secret-build-arg}).
 */
public final class SecretArgs {

    public static final String REDACTED = "<redacted>";

    /** Short words that mark a secret only as a whole part of the name. */
    public static final Set<String> WHOLE_PARTS = Set.of("key", "keys", "pass", "pwd", "pw", "cred", "creds", "credentials",
            "auth", "cert", "certs", "private", "priv", "session", "sessionid", "cookie", "cookies", "pat", "otp",
            "salt", "signature", "sig", "jwt", "bearer", "dsn");

    /** Long words that mark a secret wherever they appear in a part. */
    public static final List<String> ANYWHERE = List.of("password", "passwd", "passphrase", "secret", "token", "credential",
            "apikey", "privatekey", "accesskey", "authkey");

    private static final Pattern SEPARATORS = Pattern.compile("[_\\-.\\s]+");
    private static final Pattern CASE_AND_DIGIT_BOUNDARIES = Pattern.compile(
            "(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])");

    private SecretArgs() {
    }

    /** The parts a name is cut into, in lower case (see the class comment). */
    public static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        for (String chunk : SEPARATORS.split(name)) {
            for (String part : CASE_AND_DIGIT_BOUNDARIES.split(chunk)) {
                if (!part.isEmpty()) {
                    parts.add(part.toLowerCase(Locale.ROOT));
                }
            }
        }
        return parts;
    }

    public static boolean looksSecret(String name) {
        if (name == null) {
            return false;
        }
        for (String part : parts(name)) {
            if (WHOLE_PARTS.contains(part)) {
                return true;
            }
            for (String word : ANYWHERE) {
                if (part.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Each secret build argument's name with the hex SHA-256 of its UTF-8 value, sorted by name. */
    public static Map<String, String> sha256Hex(Map<String, String> secretBuildArgs) {
        Map<String, String> hashes = new TreeMap<>();
        secretBuildArgs.forEach((name, value) -> hashes.put(name, sha256Hex(value)));
        return hashes;
    }

    private static String sha256Hex(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static Map<String, String> redact(Map<String, String> buildArgs) {
        Map<String, String> shown = new TreeMap<>();
        buildArgs.forEach((name, value) -> shown.put(name, looksSecret(name) ? REDACTED : value));
        return shown;
    }
}
