package io.jenkins.plugins.immutable.engine.api;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * The repository an image is built into, optionally with the tag to push it under ({@code
 * registry/path[:tag]}). Only builds take a name; deploys take an {@link ImageRef}.
 */
public record ImageName(String repository, String tag) implements Serializable {

    // Distribution's reference grammar: lowercase path components, an optional host[:port] in front.
    private static final Pattern HOST = Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public ImageName {
        checkRepository(repository);
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("'" + tag + "' is not a valid tag: expected up to 128 letters, digits, '_', '.' or '-'");
        }
    }

    /** Parses {@code repository[:tag]}; a digest is refused (a build makes the digest, it does not take one). */
    public static ImageName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the image name is empty: expected a repository such as 127.0.0.1:5000/team/app");
        }
        String value = text.strip();
        if (value.contains("@")) {
            throw new IllegalArgumentException("'" + value + "' holds a digest: a build takes a repository (optionally :tag) and produces the digest");
        }
        int slash = value.lastIndexOf('/');
        int colon = value.lastIndexOf(':');
        if (colon > slash) {
            return new ImageName(value.substring(0, colon), value.substring(colon + 1));
        }
        return new ImageName(value, null);
    }

    /** Repositories already found valid: a ledger names a few of them thousands of times (validity never changes). */
    private static final java.util.Set<String> VALID = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int MAX_VALID = 1024;

    static void checkRepository(String repository) {
        if (repository != null && VALID.contains(repository)) {
            return;
        }
        checkRepositoryForm(repository);
        if (VALID.size() < MAX_VALID) {
            VALID.add(repository);
        }
    }

    private static void checkRepositoryForm(String repository) {
        if (repository == null || repository.isBlank()) {
            throw new IllegalArgumentException("the repository is empty: expected a name such as 127.0.0.1:5000/team/app");
        }
        String[] parts = repository.split("/", -1);
        int first = 0;
        if (parts.length > 1 && looksLikeHost(parts[0])) {
            if (!HOST.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException("'" + parts[0] + "' in '" + repository + "' is not a valid registry host[:port]");
            }
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            if (!COMPONENT.matcher(parts[i]).matches()) {
                throw new IllegalArgumentException("'" + repository + "' is not a valid repository: path component '" + parts[i]
                        + "' must be lowercase letters and digits, separated by '.', '_' or '-'");
            }
        }
    }

    static boolean looksLikeHost(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase());
    }

    /** The registry host[:port]; {@code docker.io} when the name has none, as Docker reads it. */
    public String registry() {
        return registryOf(repository);
    }

    /** The repository path inside its registry ({@code library/} added for bare Docker Hub names). */
    public String path() {
        return pathOf(repository);
    }

    static String registryOf(String repository) {
        int slash = repository.indexOf('/');
        return slash > 0 && looksLikeHost(repository.substring(0, slash)) ? repository.substring(0, slash) : "docker.io";
    }

    static String pathOf(String repository) {
        int slash = repository.indexOf('/');
        if (slash > 0 && looksLikeHost(repository.substring(0, slash))) {
            return repository.substring(slash + 1);
        }
        return slash < 0 ? "library/" + repository : repository;
    }

    /** The last path component: the default application name. */
    public String simpleName() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return tag == null ? repository : repository + ":" + tag;
    }
}
