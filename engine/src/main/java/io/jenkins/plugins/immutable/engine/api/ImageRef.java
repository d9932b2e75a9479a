package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;

/**
 * An image by digest: {@code registry/repository@sha256:<64 hex>}. The only form a deploy accepts; a tag can be
 * moved, a digest cannot.
 */
public record ImageRef(String repository, Digest digest) implements Serializable {

    public ImageRef {
        ImageName.checkRepository(repository);
        if (digest == null) {
            throw new IllegalArgumentException("an image reference needs a digest");
        }
    }

    /** Parses {@code repository@sha256:<64 hex>}, refusing tags with a message that says why. */
    public static ImageRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the image reference is empty: expected REPOSITORY@sha256:<64 hex>");
        }
        String value = text.strip();
        int at = value.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("'" + value + "' is a tag, not a digest reference: expected REPOSITORY@sha256:<64 hex>"
                    + " (deploys take only digests, which cannot be moved)");
        }
        String repository = value.substring(0, at);
        int slash = repository.lastIndexOf('/');
        int colon = repository.lastIndexOf(':');
        if (colon > slash) {
            // name:tag@digest: the digest is what counts; the tag is dropped so the reference stays canonical.
            repository = repository.substring(0, colon);
        }
        Digest digest;
        try {
            digest = Digest.parse(value.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' has a malformed digest: expected REPOSITORY@sha256:<64 lowercase hex>");
        }
        return new ImageRef(repository, digest);
    }

    public static ImageRef of(ImageName name, Digest digest) {
        return new ImageRef(name.repository(), digest);
    }

    public String registry() {
        return ImageName.registryOf(repository);
    }

    public String path() {
        return ImageName.pathOf(repository);
    }

    public String simpleName() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return repository + "@" + digest.value();
    }
}
