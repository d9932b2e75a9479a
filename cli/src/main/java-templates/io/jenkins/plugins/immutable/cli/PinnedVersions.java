package io.jenkins.plugins.immutable.cli;

/**
 * Versions the root POM pins, written into this source by Maven's resource filtering (cli/pom.xml): known without
 * asking the libraries at run time. The SQLite driver's own {@code getVersion()} reads a resource out of the jar and
 * sets up its logging first, about 20 ms of every command's start, only to name a cache folder.
 */
final class PinnedVersions {

    /** {@code org.xerial:sqlite-jdbc}, as {@code SQLiteJDBCLoader.getVersion()} says it (StartupTest checks they agree). */
    static final String SQLITE_JDBC = "${sqlite-jdbc.version}";

    private PinnedVersions() {
    }
}
