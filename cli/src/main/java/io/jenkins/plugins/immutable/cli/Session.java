package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.EngineConfig;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;

/** One command's engine (opened on first use, closed at the end) and where its output goes. */
final class Session implements AutoCloseable {

    private final CliContext context;
    private final CommonOptions common;
    private final Output output;
    private ReleaseEngine engine;

    Session(CliContext context, CommonOptions common, Output output) {
        this.context = context;
        this.common = common;
        this.output = output;
    }

    ReleaseEngine engine() {
        if (engine == null) {
            EngineConfig config = EngineConfig.builder(common.stateDir(context))
                    .dockerHost(common.dockerHost(context))
                    .dockerTls(common.dockerTlsVerify(context), common.dockerCertPath(context))
                    .ledgerUrl(common.ledgerUrl(context))
                    .handler(output::event)
                    .build();
            engine = context.engines().apply(config);
        }
        return engine;
    }

    Output output() {
        return output;
    }

    CliContext context() {
        return context;
    }

    /** {@code --docker-host} as typed, or {@code null}: only an explicit flag is stored with an environment. */
    String dockerHostFlag() {
        return common.dockerHost;
    }

    /** {@code --docker-tls-verify} as typed, or {@code null}: like the host, only explicit flags are stored. */
    Boolean dockerTlsVerifyFlag() {
        return common.dockerTlsVerify;
    }

    /** {@code --docker-cert-path} as typed, or {@code null}. */
    String dockerCertPathFlag() {
        return common.dockerCertPath;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
