package io.jenkins.plugins.immutable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a command's start skips: the other commands' annotations, and the SQLite driver's copy of its library. */
class StartupTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheLibrary() {
        System.clearProperty("org.sqlite.lib.path");
        System.clearProperty("org.sqlite.lib.name");
    }

    @Test
    void everyCommandIsRegisteredUnderTheNameItsAnnotationGives() {
        Cli.COMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(CommandLine.Command.class).name()).as(type.getSimpleName()).isEqualTo(name));
        CommandLine all = Cli.create(CliContext.system());

        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(Cli.COMMANDS.keySet());
    }

    @Test
    void aNamedCommandIsTheOnlyOneRegistered() {
        CommandLine line = Cli.create(CliContext.system(), new String[] {"status", "--env", "staging"});

        assertThat(line.getSubcommands()).containsOnlyKeys("status");
    }

    @Test
    void helpAndTyposSeeEveryCommand() {
        assertThat(Cli.create(CliContext.system(), new String[] {"--help"}).getSubcommands()).hasSameSizeAs(Cli.COMMANDS);
        assertThat(Cli.create(CliContext.system(), new String[] {"deplyo"}).getSubcommands()).hasSameSizeAs(Cli.COMMANDS);
    }

    @Test
    void theCacheFolderIsNamedAfterTheDriverThatRuns() {
        // PinnedVersions is filtered from the root POM at build time; the driver on the class path must be that one
        assertThat(PinnedVersions.SQLITE_JDBC).isEqualTo(org.sqlite.SQLiteJDBCLoader.getVersion());
        assertThat(SqliteNativeCache.driverVersion()).matches("[0-9A-Za-z._]+").isEqualTo(
                org.sqlite.SQLiteJDBCLoader.getVersion().replaceAll("[^0-9A-Za-z.]", "_"));
    }

    @Test
    void theDriversLibraryIsCopiedOnceIntoAPrivateFolderAndUsedFromThere() throws Exception {
        SqliteNativeCache.use(Map.of("IMMUTABLE_CACHE", dir.toString()));

        String folder = System.getProperty("org.sqlite.lib.path");
        assertThat(folder).isEqualTo(dir.resolve("sqlite-" + SqliteNativeCache.driverVersion() + "-"
                + System.getProperty("os.arch")).toString());
        Path library = Path.of(folder, System.getProperty("org.sqlite.lib.name"));
        String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/libsqlitejdbc.so";
        try (InputStream original = StartupTest.class.getResourceAsStream(resource)) {
            assertThat(Files.readAllBytes(library)).isEqualTo(original.readAllBytes());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library.getParent()))).isEqualTo("rwx------");
        try (var leftovers = Files.list(library.getParent())) {
            assertThat(leftovers).as("no partial copy left").containsExactly(library);
        }

        long copiedAt = Files.getLastModifiedTime(library).toMillis();
        forgetTheLibrary();
        SqliteNativeCache.use(Map.of("IMMUTABLE_CACHE", dir.toString()));
        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(folder);
        assertThat(Files.getLastModifiedTime(library).toMillis()).as("not copied again").isEqualTo(copiedAt);
    }

    @Test
    void aFolderOthersCanWriteIsNotUsed() throws Exception {
        SqliteNativeCache.use(Map.of("IMMUTABLE_CACHE", dir.toString()));
        Path folder = Path.of(System.getProperty("org.sqlite.lib.path"));
        forgetTheLibrary();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        SqliteNativeCache.use(Map.of("IMMUTABLE_CACHE", dir.toString()));

        assertThat(System.getProperty("org.sqlite.lib.path")).as("another user could swap the library").isNull();
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheDriverToItsOwnWay() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("cache"), "a file where the cache folder should be");

        SqliteNativeCache.use(Map.of("IMMUTABLE_CACHE", notAFolder.toString()));

        assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
    }
}
