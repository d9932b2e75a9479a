package io.jenkins.plugins.immutable.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the shaded jar's manifest records; a build from the IDE has none. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"immutable " + (version == null ? "(development build)" : version)};
    }
}
