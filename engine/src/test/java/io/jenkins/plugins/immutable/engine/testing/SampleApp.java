package io.jenkins.plugins.immutable.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A tiny web app as a build context: a {@code FROM scratch} image holding the static busybox, serving
 * {@code /www} with {@code busybox httpd} on port 8080. {@code /index.html} answers the given page,
 * {@code /health} answers {@code ok}.
 */
public final class SampleApp {

    public static final int PORT = 8080;

    public static final String DOCKERFILE = """
            FROM scratch
            COPY busybox /bin/busybox
            COPY www /www
            EXPOSE 8080
            ENTRYPOINT ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]
            """;

    private SampleApp() {
    }

    /** Writes the context into {@code dir} (created if needed) and returns it. */
    public static Path write(Path dir, String page) throws IOException {
        Files.createDirectories(dir.resolve("www"));
        Files.copy(TestServices.get().busybox(), dir.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
        Files.writeString(dir.resolve("www/index.html"), page);
        Files.writeString(dir.resolve("www/health"), "ok\n");
        return dir;
    }
}
