package io.jenkins.plugins.immutable.agent;

/** The engine's build-request fields under the names {@code immutableBuild} users see. */
final class BuildFieldNames {

    private BuildFieldNames() {
    }

    static String parameterName(String engineField) {
        return switch (engineField) {
            // Set by the plugin, not by the user: say what they are rather than a name no step has.
            case "outputDir" -> "output folder (the workspace's @tmp/immutable-release)";
            case "builderId" -> "builder id (the Jenkins build URL)";
            // The engine names the temporary key file; the user gave the credentials.
            case "signingKey" -> "signingKeyCredentialsId";
            default -> engineField; // image, context, dockerfile, buildArgs, target, sourceUri, sourceRevision
        };
    }
}
