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
 * Every variable-length field carries its length, so no two different inputs encode to the same bytes. The
 * Dockerfile's path is included because a Dockerfile outside the context changes what is sent (see
 * {@link ContextTar}) even when the entries are the same. A change to this encoding is a new version with a new
 * header, never an edit of this one.
 */
public final class InputDigest {

    /** The header that starts the encoding; names its version. */
    public static final String HEADER = "immutable-release/inputs/v1";

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
        Objects.requireNonNull(dockerfileContent, "dockerfileContent");
        MessageDigest sha256 = Sha256.newDigest();
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha256))) {
            str(out, HEADER);
            str(out, "context");
            out.writeLong(context.entries().size());
            for (ContextEntry entry : context.entries()) {
                str(out, entry.path());
                str(out, entry.kind().name().toLowerCase(java.util.Locale.ROOT));
                str(out, entry.executable() ? "1" : "0");
                bytes(out, contentHash(entry));
            }
            str(out, "dockerfile");
            str(out, context.dockerfilePath().orElse(""));
            bytes(out, dockerfileContent);
            writeArgs(out, buildArgs);
            str(out, "target");
            str(out, target == null ? "" : target);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a digest cannot fail", e);
        }
        return Digest.ofSha256(sha256.digest());
    }

    private static byte[] contentHash(ContextEntry entry) throws InvalidInputException {
        return switch (entry.kind()) {
            case FILE -> Sha256.ofFile(entry);
            case SYMLINK -> Sha256.newDigest().digest(entry.linkTarget().getBytes(StandardCharsets.UTF_8));
            case DIRECTORY -> new byte[0];
        };
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

    private static void str(DataOutputStream out, String s) throws IOException {
        bytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeLong(b.length);
        out.write(b);
    }
}
