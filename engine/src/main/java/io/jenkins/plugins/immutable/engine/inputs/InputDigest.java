package io.jenkins.plugins.immutable.engine.inputs;

import io.jenkins.plugins.immutable.engine.api.Digest;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The digest that identifies a build's inputs: same inputs, same digest, and the engine reuses the image built
 * from them. It covers what the daemon receives and nothing else: no modification times, owners, permissions
 * other than a file's executable bit, nor where the context folder is.
 *
 * <h2>Encoding, version 1</h2>
 * The digest is {@code sha256:} and the hex SHA-256 of this byte stream, where {@code u64(n)} is {@code n} as 8
 * bytes, unsigned big-endian; {@code bytes(b)} is {@code u64(length of b)} followed by {@code b}; and
 * {@code str(s)} is {@code bytes} of the UTF-8 encoding of {@code s}:
 * <ol>
 * <li>{@code str("immutable-release/inputs/v1")}</li>
 * <li>{@code str("context")}, {@code u64(number of entries)}, then for each {@link ContextEntry} in
 * {@link ContextEntry#PATH_ORDER} (byte order of the UTF-8 paths):
 * {@code str(path)} ({@code /}-separated, relative to the context root),
 * {@code str(kind)} ({@code "file"}, {@code "directory"} or {@code "symlink"}),
 * {@code str(executable ? "1" : "0")} (always {@code "0"} for folders and links),
 * {@code bytes(h)} with {@code h} the 32-byte SHA-256 of the file's content, or of the UTF-8 bytes of the link's
 * target, or empty (length 0) for a folder;</li>
 * <li>{@code str("dockerfile")}, {@code str(its path inside the context, or "" when it lies outside)},
 * {@code bytes(its content)};</li>
 * <li>{@code str("build-args")}, {@code u64(number of args)}, then for each argument in byte order of the UTF-8
 * names: {@code str(name)}, {@code str(value)};</li>
 * <li>{@code str("target")}, {@code str(target stage, or "" for none)}.</li>
 * </ol>
 *
 * <h2>Encoding, version 2: with secret build arguments</h2>
 * Used only when at least one secret build argument is given, so every digest of version 1 stays what it was:
 * {@code str("immutable-release/inputs/v2")}, items 2 to 5 as in version 1, then
 * <ol start="6">
 * <li>{@code str("secret-build-args")}, {@code u64(number of args)}, then for each in byte order of the UTF-8 names:
 * {@code str(name)}, {@code bytes(h)} with {@code h} the 32-byte SHA-256 of the UTF-8 value.</li>
 * </ol>
 * The value itself never enters the encoding, only its hash: the same secret gives the same digest (a replay is
 * recognised) and a changed secret a new one, while the provenance can show the hash it was computed from.
 *
 * <p>Every variable-length field carries its length, so no two different inputs encode to the same bytes. The
 * Dockerfile's path is included because a Dockerfile outside the context changes what is sent (see
 * {@link ContextTar}) even when the entries are the same. A change to this encoding is a new version with a new
 * header, never an edit of this one.
 */
public final class InputDigest {

    /** The header that starts the encoding; names its version. */
    public static final String HEADER = "immutable-release/inputs/v1";
    /** The header of the encoding with secret build arguments. */
    public static final String HEADER_V2 = "immutable-release/inputs/v2";

    private InputDigest() {
    }

    /**
     * @param dockerfileContent the Dockerfile as it is sent
     * @param buildArgs         build arguments; sorted again here by UTF-8 name, whatever the map's order
     * @param target            the target stage, or {@code null} for none
     * @throws InvalidInputException when a file of the context cannot be read or changed since it was scanned
     */
    public static Digest compute(BuildContext context, byte[] dockerfileContent, SortedMap<String, String> buildArgs,
            String target) throws InvalidInputException {
        return compute(context, dockerfileContent, buildArgs, target, new java.util.TreeMap<>());
    }

    /**
     * @param secretBuildArgs secret build arguments; only the SHA-256 of each value is encoded (version 2), and
     *                        version 1 is used when there are none
     */
    public static Digest compute(BuildContext context, byte[] dockerfileContent, SortedMap<String, String> buildArgs,
            String target, SortedMap<String, String> secretBuildArgs) throws InvalidInputException {
        Objects.requireNonNull(dockerfileContent, "dockerfileContent");
        byte[][] contentHashes = ContentHashes.of(context.entries());
        MessageDigest sha256 = Sha256.newDigest();
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha256))) {
            str(out, secretBuildArgs.isEmpty() ? HEADER : HEADER_V2);
            str(out, "context");
            out.writeLong(context.entries().size());
            for (int i = 0; i < contentHashes.length; i++) {
                ContextEntry entry = context.entries().get(i);
                str(out, entry.path());
                str(out, entry.kind().name().toLowerCase(java.util.Locale.ROOT));
                str(out, entry.executable() ? "1" : "0");
                bytes(out, contentHashes[i]);
            }
            str(out, "dockerfile");
            str(out, context.dockerfilePath().orElse(""));
            bytes(out, dockerfileContent);
            writeArgs(out, buildArgs);
            str(out, "target");
            str(out, target == null ? "" : target);
            if (!secretBuildArgs.isEmpty()) {
                writeSecretArgs(out, secretBuildArgs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a digest cannot fail", e);
        }
        return Digest.ofSha256(sha256.digest());
    }

    private static void writeArgs(DataOutputStream out, SortedMap<String, String> buildArgs) throws IOException {
        List<Map.Entry<String, String>> args = new ArrayList<>(buildArgs.entrySet());
        args.sort(Map.Entry.comparingByKey(ContextEntry.PATH_ORDER));
        str(out, "build-args");
        out.writeLong(args.size());
        for (Map.Entry<String, String> arg : args) {
            str(out, Objects.requireNonNull(arg.getKey(), "build argument name"));
            str(out, Objects.requireNonNull(arg.getValue(), () -> "value of build argument " + arg.getKey()));
        }
    }

    private static void writeSecretArgs(DataOutputStream out, SortedMap<String, String> secretBuildArgs) throws IOException {
        List<Map.Entry<String, String>> args = new ArrayList<>(secretBuildArgs.entrySet());
        args.sort(Map.Entry.comparingByKey(ContextEntry.PATH_ORDER));
        str(out, "secret-build-args");
        out.writeLong(args.size());
        for (Map.Entry<String, String> arg : args) {
            str(out, Objects.requireNonNull(arg.getKey(), "secret build argument name"));
            bytes(out, Sha256.newDigest().digest(arg.getValue().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        bytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeLong(b.length);
        out.write(b);
    }
}
