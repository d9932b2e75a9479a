package io.jenkins.plugins.immutable.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads (without initialising) every class of the packages the commands use, from the command's own jar: run once,
 * when the launcher writes the class-data-sharing archive, so that one archive serves every command and every path
 * of it (a replay and a cold build, a deploy and a rollback) instead of only what the first run happened to load.
 */
final class ClassPreload {

    /** What the commands load: our code, the CLI parser, JSON, the Docker client and its HTTP transport, the tar writer, SQLite. */
    static final List<String> PACKAGES = List.of("io/jenkins/plugins/immutable/", "picocli/", "com/fasterxml/jackson/core/",
            "com/fasterxml/jackson/databind/", "com/fasterxml/jackson/datatype/jsr310/", "com/fasterxml/jackson/annotation/",
            "com/github/dockerjava/", "org/apache/hc/client5/http/impl/classic/", "org/apache/hc/client5/http/impl/io/",
            "org/apache/hc/core5/http/", "org/apache/commons/compress/archivers/tar/", "org/sqlite/", "org/postgresql/");

    private ClassPreload() {
    }

    /** Loads them; returns how many loaded. Classes that cannot load here (an optional dependency missing) are skipped. */
    static int run() {
        Path jar;
        try {
            jar = Path.of(ClassPreload.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return 0;
        }
        ClassLoader loader = ClassPreload.class.getClassLoader();
        int loaded = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                // module-info and package-info name no class to load
                if (name.endsWith(".class") && !name.contains("-") && wanted(name)) {
                    try {
                        Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                        loaded++;
                    } catch (LinkageError | ClassNotFoundException e) {
                        // refers to a class this jar does not ship: never used by the commands either
                    }
                }
            }
        } catch (IOException e) {
            return loaded;
        }
        return loaded;
    }

    private static boolean wanted(String name) {
        for (String prefix : PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
