package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.SigningKeys;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable keygen}: an EC P-256 key pair for signing provenance. Needs no engine, daemon or registry. */
@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a new EC P-256 key pair for signing provenance: signing.key (PKCS#8 PEM, mode 0600) and "
                + "signing.pub (SPKI PEM). Keys are never overwritten. Keep signing.key secret (a CI secret file); give "
                + "signing.pub to whoever verifies or deploys.", ""},
        footer = {"", "Example:", "  immutable keygen --out ~/.immutable-keys",
                "  immutable build --image REPO --context DIR --sign-key ~/.immutable-keys/signing.key"})
final class KeygenCommand extends EngineCommand {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write signing.key and signing.pub into.")
    String out;

    @Override
    protected int run(Session session) throws Exception {
        if (out.isBlank()) {
            throw new InvalidInputException("out", "empty: expected a folder to write the key pair into");
        }
        SigningKeys.Generated keys = SigningKeys.generate(Path.of(out.strip()).toAbsolutePath().normalize());
        if (session.output().json()) {
            session.output().document(Json.keygen(keys));
        } else {
            var text = session.output().text();
            text.println("wrote a new EC P-256 key pair, key id " + keys.keyId());
            text.println("  private key  " + keys.privateKey() + "  (mode 0600: keep it secret)");
            text.println("  public key   " + keys.publicKey());
            text.println("sign with:    immutable build ... --sign-key " + keys.privateKey());
            text.println("verify with:  immutable verify --ref REPO@sha256:HEX --public-key " + keys.publicKey());
        }
        return ExitCode.DONE;
    }
}
