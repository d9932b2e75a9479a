package io.jenkins.plugins.immutable.cli;

/** A command with the common options, so failure handling knows {@code --debug} and {@code --output}. */
interface UsesCommonOptions {

    CommonOptions common();
}
