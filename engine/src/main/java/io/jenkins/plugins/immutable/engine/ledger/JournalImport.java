package io.jenkins.plugins.immutable.engine.ledger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.immutable.engine.api.DeploymentRecord;
import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.ReleaseException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a state folder written before the database (a JSON-lines {@code journal.jsonl}, {@code environments/*.json},
 * {@code provenance/*.intoto.json}) into {@code ledger.db}, once: in the transaction that creates the schema, so a
 * crash imports all of it or nothing and the next open tries again. The old files are left as they are, and no
 * longer read.
 *
 * <p>The journal's rule for a bad line stands: an incomplete last line is what a crash mid-append left, and is
 * skipped (and said); a bad line with records after it is damage, and stops the import naming the line.
 */
final class JournalImport {

    static final String JOURNAL = "journal.jsonl";
    static final String STATES = "environments";
    static final String PROVENANCE = "provenance";
    private static final String PROVENANCE_SUFFIX = ".intoto.json";
    private static final String LEDGER_NAME = "immutable-release";
    private static final int VERSION = 1;

    private final Path folder;
    private int releases;
    private int deployments;
    private int intents;
    private int unknown;
    private int states;
    private int statements;
    private String tornLine;

    private JournalImport(Path folder) {
        this.folder = folder;
    }

    /** {@code true} when the folder holds anything written before the database. */
    static boolean present(Path folder) {
        return Files.exists(folder.resolve(JOURNAL)) || Files.isDirectory(folder.resolve(STATES))
                || Files.isDirectory(folder.resolve(PROVENANCE));
    }

    /** Imports into the schema just created; returns the note for the user, or {@code null} when there was nothing. */
    static String run(Path folder, Connection c) throws SQLException, ReleaseException {
        if (!present(folder)) {
            return null;
        }
        JournalImport i = new JournalImport(folder);
        i.journal(c);
        i.states(c);
        i.statements(c);
        String note = i.note();
        LedgerTables.addImport(c, folder.resolve(JOURNAL).toString(), note);
        return note;
    }

    private void journal(Connection c) throws SQLException, ReleaseException {
        Path file = folder.resolve(JOURNAL);
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header != null) {
                checkHeader(file, header);
            }
            String pending = null;
            long pendingLine = 0;
            String pendingWhy = null;
            long n = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (pending != null) {
                    throw damaged(file, pendingLine, pendingWhy);
                }
                try {
                    add(c, line);
                } catch (IOException | IllegalArgumentException e) {
                    pending = line;
                    pendingLine = n;
                    pendingWhy = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
                }
            }
            if (pending != null) {
                tornLine = "line " + pendingLine + " (" + pending.length() + " characters, " + pendingWhy + ")";
            }
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to import the journal " + file + " but could not read it ("
                    + e.getMessage() + "): check that the state folder is readable.", e);
        }
    }

    private static void checkHeader(Path file, String header) throws ReleaseException {
        JsonNode node;
        try {
            node = LedgerJson.MAPPER.readTree(header);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !LEDGER_NAME.equals(node.path("ledger").asText(null))) {
            throw new ReleaseException(Kind.BAD_INPUT, file + " is not an immutable-release ledger journal (its first line is not"
                    + " the ledger's header), so it was not imported: point --state at another folder, or move the file aside."
                    + " Nothing was changed.");
        }
        if (node.path("version").asInt(0) > VERSION) {
            throw new ReleaseException(Kind.BAD_INPUT, file + " was written by a newer immutable (journal version "
                    + node.path("version").asInt() + "): use that version. Nothing was changed.");
        }
    }

    private void add(Connection c, String line) throws IOException, SQLException {
        JsonNode node = LedgerJson.MAPPER.readTree(line);
        if (!(node instanceof ObjectNode object) || !object.path("type").isTextual()) {
            throw new IOException("not a typed record");
        }
        String type = object.remove("type").asText();
        switch (type) {
            case "release" -> {
                LedgerTables.putRelease(c, bind(object, Release.class));
                releases++;
            }
            case "deployment" -> {
                LedgerTables.addDeployment(c, bind(object, DeploymentRecord.class));
                deployments++;
            }
            case "intent" -> {
                LedgerTables.addIntent(c, bind(object, Intent.class));
                intents++;
            }
            default -> unknown++;
        }
    }

    private static <T> T bind(ObjectNode object, Class<T> type) throws IOException {
        T value = LedgerJson.MAPPER.readerFor(type).readValue(object);
        if (value == null) {
            throw new IOException("the record has no fields");
        }
        return value;
    }

    private void states(Connection c) throws SQLException, ReleaseException {
        for (Path file : files(folder.resolve(STATES), ".json")) {
            String name = file.getFileName().toString();
            String environment = name.substring(0, name.length() - ".json".length());
            String json = readJson(file);
            LedgerTables.putState(c, environment, json);
            states++;
        }
    }

    private void statements(Connection c) throws SQLException, ReleaseException {
        for (Path file : files(folder.resolve(PROVENANCE), PROVENANCE_SUFFIX)) {
            String name = file.getFileName().toString();
            LedgerTables.putProvenance(c, name.substring(0, name.length() - PROVENANCE_SUFFIX.length()), read(file));
            statements++;
        }
    }

    private static String readJson(Path file) throws ReleaseException {
        String json = read(file);
        try {
            LedgerJson.MAPPER.readTree(json);
            return json;
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, file + " is not a readable state (" + e.getMessage() + "), so the"
                    + " folder was not imported: restore it from a backup or move it aside. Nothing was changed.", e);
        }
    }

    private static String read(Path file) throws ReleaseException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to import " + file + " but could not read it (" + e.getMessage()
                    + "): check that the state folder is readable. Nothing was changed.", e);
        }
    }

    private static List<Path> files(Path dir, String suffix) throws ReleaseException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + suffix)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().startsWith(".")) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new ReleaseException(Kind.BAD_INPUT, "Tried to import " + dir + " but could not list it (" + e.getMessage()
                    + "): check that the state folder is readable. Nothing was changed.", e);
        }
        found.sort(null);
        return found;
    }

    private static ReleaseException damaged(Path file, long line, String why) {
        return new ReleaseException(Kind.BAD_INPUT, file + " line " + line + " is not a readable record (" + why + ") and records"
                + " follow it, so it is damage, not an interrupted write; the folder was not imported. Restore the journal"
                + " from a backup. Nothing was changed.");
    }

    private String note() {
        return "Imported the journal of " + folder + " into " + LedgerLocation.SQLITE_FILE + ": " + releases + " releases, "
                + deployments + " deployment steps, " + intents + " intents, " + states + " environment states and "
                + statements + " provenance statements" + (unknown > 0 ? " (" + unknown + " records of unknown types skipped)" : "")
                + (tornLine != null ? "; skipped the incomplete last " + tornLine + ", left by an interrupted write" : "")
                + ". The old files are kept as they were and are no longer read.";
    }
}
