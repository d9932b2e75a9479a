package io.jenkins.plugins.immutable.engine.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A public key as users give it: its PEM text, or the path of a PEM file. Returns the checked PEM text. */
final class PublicKeyText {

    private PublicKeyText() {
    }

    static String read(String pemOrPath) {
        String text = pemOrPath.strip();
        if (!text.contains("-----BEGIN")) {
            try {
                text = Files.readString(Path.of(text), StandardCharsets.US_ASCII);
            } catch (IOException | InvalidPathException e) {
                throw new IllegalArgumentException("cannot read '" + pemOrPath.strip() + "' (" + e.getClass().getSimpleName()
                        + "): expected the PEM text or the path of the signing.pub that keygen writes");
            }
        }
        try {
            return SigningKeys.publicPem(SigningKeys.readPublicKey(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + abbreviate(pemOrPath) + "' is " + e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
