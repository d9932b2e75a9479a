package io.jenkins.plugins.immutable.engine.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The name rule of {@link SecretArgs}: each word of the rule, and ordinary names that merely contain one. */
class SecretArgsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // short words as whole parts, split on _ - . and camelCase
        "MY_KEY", "KEY", "SSH_KEY", "api-key", "apiKey", "APIKey", "AWS_ACCESS_KEY_ID", "KEYS", "KEY2",
        "PASS", "KEYSTORE_PASS", "db.pass", "PWD", "DB_PWD", "PW",
        "CRED", "CREDS", "GIT_CREDS", "CREDENTIALS", "npmAuth", "NPM_AUTH", "AUTH_HEADER",
        "CERT", "TLS_CERT", "CLIENT_CERTS", "PRIVATE", "PRIVATE_KEY", "gpgPrivate",
        "SESSION", "SESSION_ID", "sessionId", "COOKIE", "COOKIE_JAR", "GITHUB_PAT", "JWT", "DSN", "SENTRY_DSN",
        // long words anywhere in a part
        "DB_PASSWORD", "DBPASSWORD", "password", "MYSQL_ROOT_PASSWD", "SIGNING_PASSPHRASE",
        "SECRET", "CLIENT_SECRET", "MYSECRETVALUE", "GITHUB_TOKEN", "GITHUBTOKEN", "NpmToken", "authToken",
        "CREDENTIAL", "GOOGLE_APPLICATION_CREDENTIAL", "APIKEY", "MYAPIKEY", "PRIVATEKEY", "AWSACCESSKEY"})
    void secretLooking(String name) {
        assertThat(SecretArgs.looksSecret(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "KEYBOARD_LAYOUT", "MONKEY", "TURKEY", "HOCKEY_TEAM", "KEYNOTE", "DONKEY", "WHISKEY",
        "PASSENGER_COUNT", "COMPASS_URL", "BYPASS_CACHE", "PASSTHROUGH", "SURPASS", "PASSIVE",
        "AUTHOR", "AUTHOR_NAME", "AUTHORITY", "CERTAIN", "CONCERT", "CERTIFIED_BUILD", "PRIVATEER",
        "VERSION", "GO_VERSION", "BASE_IMAGE", "NODE_ENV", "PATH_PREFIX", "CREDIT_LIMIT", "LOCALE", "SALTWATER",
        "PIN_VERSION", "COOKBOOK", "KEYRING_PATH"})
    void notSecret(String name) {
        assertThat(SecretArgs.looksSecret(name)).as(name).isFalse();
    }

    @Test
    void namesAreSplitOnSeparatorsCaseChangesAndDigits() {
        assertThat(SecretArgs.parts("AWS_ACCESS_KEY_ID")).containsExactly("aws", "access", "key", "id");
        assertThat(SecretArgs.parts("dbPassword")).containsExactly("db", "password");
        assertThat(SecretArgs.parts("APIKey")).containsExactly("api", "key");
        assertThat(SecretArgs.parts("tls.cert-file")).containsExactly("tls", "cert", "file");
        assertThat(SecretArgs.parts("KEY2")).containsExactly("key", "2");
    }

    @Test
    void redactKeepsOrdinaryValuesAndHidesSecretOnes() {
        assertThat(SecretArgs.redact(Map.of("CREDS", "user:PASSWORD", "KEYBOARD_LAYOUT", "de", "MY_KEY", "k")))
                .containsEntry("CREDS", SecretArgs.REDACTED)
                .containsEntry("MY_KEY", SecretArgs.REDACTED)
                .containsEntry("KEYBOARD_LAYOUT", "de");
    }

    @Test
    void secretArgumentsAreRecordedAsTheSha256OfTheirValue() {
        assertThat(SecretArgs.sha256Hex(Map.of("NPM_RC", "abc")))
                .containsExactly(Map.entry("NPM_RC", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
