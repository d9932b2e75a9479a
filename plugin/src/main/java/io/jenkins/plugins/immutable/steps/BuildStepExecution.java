package io.jenkins.plugins.immutable.steps;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.immutable.agent.AgentSettings;
import io.jenkins.plugins.immutable.agent.BuildOperation;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.agent.BuildSpec;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.InputDigestOperation;
import io.jenkins.plugins.immutable.agent.OutputCleanup;
import io.jenkins.plugins.immutable.agent.PriorReleaseSpec;
import io.jenkins.plugins.immutable.agent.RegistryLogin;
import io.jenkins.plugins.immutable.agent.SecretBuildArgValues;
import io.jenkins.plugins.immutable.agent.SigningKey;
import io.jenkins.plugins.immutable.engine.api.ImageName;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code immutableBuild}: input digest on the agent, the job's earlier releases from the same inputs offered for
 * reuse, the build on the agent, then the record and the artifacts on the build. A build interrupted by a controller
 * restart fails (the next run reuses what it pushed), so the simple non-blocking execution is enough here.
 */
final class BuildStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "Only used when the step runs; after a restart SynchronousNonBlockingStepExecution fails the step without using it.")
    private final transient ImmutableBuildStep step;

    BuildStepExecution(ImmutableBuildStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        FilePath workspace = context.get(FilePath.class);
        EnvVars env = context.get(EnvVars.class);

        BuildSpec spec = step.toSpec(env, builderId(run), run.getExternalizableId(), UUID.randomUUID().toString());
        AgentSettings settings = LedgerAccess.forCall(AgentSettings.of(step.getStateDir(), env), run);
        RegistryLogin login = RegistryCredentialsLookup.find(run, step.getRegistryCredentialsId(), RegistryUris.forImage(step.getImage()));
        SecretBuildArgValues secrets = SecretBuildArgsLookup.find(run, step.getSecretBuildArgs());
        SigningKey signingKey = KeyCredentialsLookup.signingKey(run, step.getSigningKeyCredentialsId());

        try {
            List<PriorReleaseSpec> priors = List.of();
            if (!spec.rebuild()) {
                String inputDigest = workspace.act(new EngineCallable<>(settings, listener, new InputDigestOperation(spec, secrets)));
                priors = PriorReleases.find(run, inputDigest, ImageName.parse(spec.image()).repository(), listener);
            }
            BuildOutcome outcome = workspace.act(new EngineCallable<>(settings, listener, new BuildOperation(spec, login, priors, secrets, signingKey)));
            BuildRecords.recordRelease(run, workspace, context.get(Launcher.class), listener, outcome);
            return StepResults.build(outcome);
        } finally {
            // Archived (or failed): the scratch copy in <workspace>@tmp/immutable-release/<key> is not needed any more.
            workspace.act(new OutputCleanup(spec));
        }
    }

    static String builderId(Run<?, ?> run) {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        return BuilderIds.of(jenkins == null ? null : jenkins.getRootUrl(), run.getUrl());
    }
}
