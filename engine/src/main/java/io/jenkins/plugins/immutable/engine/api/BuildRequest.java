package io.jenkins.plugins.immutable.engine.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What to build. Made with {@link #builder()}, whose {@link Builder#build()} reports every missing or invalid field
 * at once. Field names in the problems: {@code image}, {@code context}, {@code dockerfile}, {@code buildArgs},
 * {@code secretBuildArgs}, {@code labels}, {@code target}, {@code sourceUri}, {@code sourceRevision}, {@code outputDir},
 * {@code builderId}.
 *
 * <p>Secrets: the source URI and every label value lose their user info here ({@link Uris}), whatever the caller
 * passed, so nothing after this point can record it. Secret build arguments go to the daemon; the provenance and the
 * input digest see only the sha256 of their values, and no message, {@code toString} or problem ever shows a value.
 */
public final class BuildRequest {

    private static final Pattern ARG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern SECRET_LOOKING_TEXT = Pattern.compile("(?i)pass|pwd|secret|token|key|cred|auth|priv|cert|session|cookie");

    private final ImageName image;
    private final Path context;
    private final Path dockerfile;
    private final String contextAsGiven;
    private final String dockerfileAsGiven;
    private final Map<String, String> buildArgs;
    private final Map<String, String> secretBuildArgs;
    private final Map<String, String> labels;
    private final String target;
    private final String sourceUri;
    private final boolean sourceUriHadUserInfo;
    private final String sourceRevision;
    private final boolean rebuild;
    private final Path outputDir;
    private final String builderId;
    private final String invocationId;
    private final RegistryCredentials credentials;
    private final List<PriorRelease> priorReleases;
    private final Path signingKey;

    private BuildRequest(Builder b, ImageName image, Path context, Path dockerfile) {
        this.image = image;
        this.context = context;
        this.dockerfile = dockerfile;
        this.contextAsGiven = b.context.strip();
        this.dockerfileAsGiven = b.dockerfile == null || b.dockerfile.isBlank() ? "Dockerfile" : b.dockerfile.strip();
        this.buildArgs = Collections.unmodifiableMap(new TreeMap<>(b.buildArgs));
        this.secretBuildArgs = Collections.unmodifiableMap(new TreeMap<>(b.secretBuildArgs));
        TreeMap<String, String> labelsWithoutUserInfo = new TreeMap<>();
        b.labels.forEach((key, value) -> labelsWithoutUserInfo.put(key, Uris.withoutUserInfo(value)));
        this.labels = Collections.unmodifiableMap(labelsWithoutUserInfo);
        this.target = blankToNull(b.target);
        String givenUri = blankToNull(b.sourceUri);
        this.sourceUri = Uris.withoutUserInfo(givenUri);
        this.sourceUriHadUserInfo = givenUri != null && !givenUri.equals(sourceUri);
        this.sourceRevision = blankToNull(b.sourceRevision);
        this.rebuild = b.rebuild;
        this.outputDir = b.outputDir == null ? null : b.outputDir.toAbsolutePath().normalize();
        this.builderId = b.builderId.strip();
        this.invocationId = b.invocationId == null ? UUID.randomUUID().toString() : b.invocationId;
        this.credentials = b.credentials;
        this.priorReleases = List.copyOf(b.priorReleases);
        this.signingKey = b.signingKey == null ? null : b.signingKey.toAbsolutePath().normalize();
    }

    /**
     * The PKCS#8 EC P-256 private key to sign the provenance with, or {@code null} for none. Only its path is held;
     * the key is read when the signature is made, and its content is never shown.
     */
    public Path signingKey() {
        return signingKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ImageName image() {
        return image;
    }

    /** The build context folder, absolute. */
    public Path context() {
        return context;
    }

    /** The Dockerfile, absolute; inside the context or not. */
    public Path dockerfile() {
        return dockerfile;
    }

    /** The context as the caller wrote it (provenance records what was asked for, not this machine's folders). */
    public String contextAsGiven() {
        return contextAsGiven;
    }

    /** The Dockerfile as the caller wrote it. */
    public String dockerfileAsGiven() {
        return dockerfileAsGiven;
    }

    /** Build arguments sorted by name. */
    public Map<String, String> buildArgs() {
        return buildArgs;
    }

    /**
     * Secret build arguments sorted by name: sent to the daemon, never recorded. The provenance names each with the
     * sha256 of its value; the input digest covers that hash.
     */
    public Map<String, String> secretBuildArgs() {
        return secretBuildArgs;
    }

    /** Labels for the image, sorted by key, each value without user info; not part of the input digest (they describe, they do not build). */
    public Map<String, String> labels() {
        return labels;
    }

    /** The target stage, or {@code null} for the last one. */
    public String target() {
        return target;
    }

    /** Where the sources came from, without user info ({@link Uris#withoutUserInfo}). */
    public String sourceUri() {
        return sourceUri;
    }

    /** Whether the caller's source URI carried user info that {@link #sourceUri()} left out. */
    public boolean sourceUriHadUserInfo() {
        return sourceUriHadUserInfo;
    }

    public String sourceRevision() {
        return sourceRevision;
    }

    /** Build even when a release with the same inputs exists, and without the daemon's layer cache. */
    public boolean rebuild() {
        return rebuild;
    }

    /** Where {@code release.json} and {@code provenance.intoto.json} go; {@code null} for the state folder. */
    public Path outputDir() {
        return outputDir;
    }

    public String builderId() {
        return builderId;
    }

    public String invocationId() {
        return invocationId;
    }

    /** Registry credentials given by the caller, or {@code null} to use {@code ~/.docker/config.json}. */
    public RegistryCredentials credentials() {
        return credentials;
    }

    /** Releases known to the caller (in Jenkins: recorded by earlier builds of the job), checked for reuse. */
    public List<PriorRelease> priorReleases() {
        return priorReleases;
    }

    /** A release recorded elsewhere, with its provenance statement as recorded then. */
    public record PriorRelease(Release release, String provenanceJson) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Collects the fields as given (mostly text, as users type them) and validates them all in {@link #build()}. */
    public static final class Builder {
        private String image;
        private String context;
        private Path baseDirectory;
        private String dockerfile;
        private final Map<String, String> buildArgs = new TreeMap<>();
        private final Map<String, String> secretBuildArgs = new TreeMap<>();
        private final Map<String, String> labels = new TreeMap<>();
        private final List<String> malformedArgs = new ArrayList<>();
        private final List<String> malformedSecretArgs = new ArrayList<>();
        private final List<String> malformedLabels = new ArrayList<>();
        private String target;
        private String sourceUri;
        private String sourceRevision;
        private boolean rebuild;
        private Path outputDir;
        private String builderId;
        private String invocationId;
        private RegistryCredentials credentials;
        private final List<PriorRelease> priorReleases = new ArrayList<>();
        private Path signingKey;

        private Builder() {
        }

        public Builder image(String repositoryAndOptionalTag) {
            this.image = repositoryAndOptionalTag;
            return this;
        }

        public Builder context(Path dir) {
            this.context = dir == null ? null : dir.toString();
            return this;
        }

        public Builder context(String dir) {
            this.context = dir;
            return this;
        }

        /**
         * The folder a relative context is read against (a Jenkins workspace); the current folder by default. The
         * context is still recorded in the provenance as written.
         */
        public Builder baseDirectory(Path dir) {
            this.baseDirectory = dir;
            return this;
        }

        /** The Dockerfile; relative paths are read against the context. Default {@code Dockerfile} in the context. */
        public Builder dockerfile(String path) {
            this.dockerfile = path;
            return this;
        }

        /** One {@code NAME=VALUE} build argument. */
        public Builder buildArg(String nameEqualsValue) {
            int eq = nameEqualsValue == null ? -1 : nameEqualsValue.indexOf('=');
            if (eq <= 0) {
                malformedArgs.add(nameEqualsValue);
            } else {
                buildArg(nameEqualsValue.substring(0, eq), nameEqualsValue.substring(eq + 1));
            }
            return this;
        }

        public Builder buildArg(String name, String value) {
            if (name == null || !ARG_NAME.matcher(name).matches()) {
                // A value under a malformed name may still be a secret: show it only when the name cannot mean one.
                malformedArgs.add(name + "=" + (SECRET_LOOKING_TEXT.matcher(String.valueOf(name)).find() ? "…" : value));
            } else {
                buildArgs.put(name, value == null ? "" : value);
            }
            return this;
        }

        public Builder buildArgs(Map<String, String> args) {
            args.forEach(this::buildArg);
            return this;
        }

        /**
         * One secret {@code NAME=VALUE} build argument ({@code --secret-build-arg}). A malformed one is reported by
         * its name alone: the text may be the secret itself.
         */
        public Builder secretBuildArg(String nameEqualsValue) {
            int eq = nameEqualsValue == null ? -1 : nameEqualsValue.indexOf('=');
            if (eq <= 0) {
                malformedSecretArgs.add(null);
            } else {
                secretBuildArg(nameEqualsValue.substring(0, eq), nameEqualsValue.substring(eq + 1));
            }
            return this;
        }

        public Builder secretBuildArg(String name, String value) {
            if (name == null || !ARG_NAME.matcher(name).matches()) {
                malformedSecretArgs.add(name);
            } else {
                secretBuildArgs.put(name, value == null ? "" : value);
            }
            return this;
        }

        public Builder secretBuildArgs(Map<String, String> args) {
            args.forEach(this::secretBuildArg);
            return this;
        }

        /** One {@code KEY=VALUE} image label. */
        public Builder label(String keyEqualsValue) {
            int eq = keyEqualsValue == null ? -1 : keyEqualsValue.indexOf('=');
            if (eq <= 0 || !LABEL_KEY.matcher(keyEqualsValue.substring(0, eq)).matches()) {
                malformedLabels.add(keyEqualsValue);
            } else {
                labels.put(keyEqualsValue.substring(0, eq), keyEqualsValue.substring(eq + 1));
            }
            return this;
        }

        public Builder target(String stage) {
            this.target = stage;
            return this;
        }

        public Builder source(String uri, String revision) {
            this.sourceUri = uri;
            this.sourceRevision = revision;
            return this;
        }

        public Builder rebuild(boolean rebuild) {
            this.rebuild = rebuild;
            return this;
        }

        public Builder outputDir(Path dir) {
            this.outputDir = dir;
            return this;
        }

        /** Who builds: a Jenkins build URL, or {@code cli@host}. Required. */
        public Builder builderId(String id) {
            this.builderId = id;
            return this;
        }

        /** The id of this invocation (a Jenkins build's externalizable id); a random UUID by default. */
        public Builder invocationId(String id) {
            this.invocationId = id;
            return this;
        }

        public Builder credentials(RegistryCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Sign the provenance with this private key file (PKCS#8 PEM, EC P-256); {@code null} for unsigned. */
        public Builder signingKey(Path file) {
            this.signingKey = file;
            return this;
        }

        public Builder priorRelease(Release release, String provenanceJson) {
            this.priorReleases.add(new PriorRelease(release, provenanceJson));
            return this;
        }

        /**
         * Validates every field.
         *
         * @throws InvalidInputException listing every problem found, each naming its field
         */
        public BuildRequest build() throws InvalidInputException {
            Problems problems = new Problems();
            ImageName parsedImage = null;
            if (image == null || image.isBlank()) {
                problems.add("image", "missing: expected the repository to push to, such as 127.0.0.1:5000/team/app");
            } else {
                parsedImage = problems.parse("image", image, ImageName::parse);
            }
            Path contextDir = null;
            if (context == null || context.isBlank()) {
                problems.add("context", "missing: expected the build context folder");
            } else {
                Path given = Path.of(context.strip());
                contextDir = (baseDirectory == null ? given.toAbsolutePath() : baseDirectory.toAbsolutePath().resolve(given)).normalize();
                if (!Files.exists(contextDir)) {
                    problems.add("context", "folder " + contextDir + " does not exist: expected the build context folder");
                    contextDir = null;
                } else if (!Files.isDirectory(contextDir)) {
                    problems.add("context", contextDir + " is a file: expected the build context folder");
                    contextDir = null;
                }
            }
            Path dockerfilePath = null;
            if (contextDir != null) {
                String given = dockerfile == null || dockerfile.isBlank() ? "Dockerfile" : dockerfile.strip();
                dockerfilePath = contextDir.resolve(given).normalize();
                if (!Files.isRegularFile(dockerfilePath)) {
                    problems.add("dockerfile", "no Dockerfile at " + dockerfilePath
                            + ": expected a file (relative paths are read against the context)");
                }
            }
            for (String arg : malformedArgs) {
                problems.add("buildArgs", "'" + arg + "' is malformed: expected NAME=VALUE with NAME of letters, digits and '_', not starting with a digit");
            }
            for (String name : malformedSecretArgs) {
                problems.add("secretBuildArgs", (name == null ? "an argument without '='" : "'" + name + "'")
                        + " is malformed (its value is not shown): expected NAME=VALUE with NAME of letters, digits and '_', not starting with a digit");
            }
            for (String name : secretBuildArgs.keySet()) {
                if (buildArgs.containsKey(name)) {
                    problems.add("secretBuildArgs", "'" + name + "' is given both as a build argument and as a secret one: give it once");
                }
            }
            for (String label : malformedLabels) {
                problems.add("labels", "'" + Uris.scrubText(label) + "' is malformed: expected KEY=VALUE");
            }
            if (target != null && !target.isBlank() && !STAGE.matcher(target.strip()).matches()) {
                problems.add("target", "'" + target + "' is not a stage name: expected letters, digits, '_', '.' or '-'");
            }
            if (builderId == null || builderId.isBlank()) {
                problems.add("builderId", "missing: expected who builds, such as a Jenkins build URL or cli@host");
            }
            if (outputDir != null && Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
                problems.add("outputDir", outputDir + " is a file: expected a folder for release.json and provenance.intoto.json");
            }
            problems.throwIfAny();
            return new BuildRequest(this, parsedImage, contextDir, dockerfilePath);
        }
    }
}
