package io.jenkins.plugins.immutable.engine.ledger;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Names that become file names in the state folder. Checked here as well as in the requests, because a name such as
 * {@code ../x} must never reach a path, whoever calls.
 */
final class FileNames {

    // The api's rule for environment names (api.Names is package-private there).
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern RELEASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private FileNames() {
    }

    static String environment(String name) throws InvalidInputException {
        if (name == null || !ENVIRONMENT.matcher(name).matches()) {
            throw new InvalidInputException("environment", "'" + name + "' is not a valid environment name: expected 1 to 63"
                    + " letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return name;
    }

    static String releaseId(String id) throws InvalidInputException {
        if (id == null || !RELEASE_ID.matcher(id).matches()) {
            throw new InvalidInputException("releaseId", "'" + id + "' is not a valid release id: expected a name such as"
                    + " rel-0123456789ab");
        }
        return id;
    }
}
