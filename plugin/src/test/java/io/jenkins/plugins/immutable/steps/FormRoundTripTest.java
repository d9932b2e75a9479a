package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.agent.DeploySpec;
import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the Snippet Generator's form submits → the step → what it sends: an untouched form must not carry
 * {@code manualPromotion: false} (which would remove an environment's manual gate), nor {@code ''} for empty boxes.
 * The full form → step → snippet round trip with Jenkins' own binding is SnippetGeneratorTest (src/jenkinsTest).
 */
class FormRoundTripTest {

    private static final Path FORMS = Path.of("src/main/resources/io/jenkins/plugins/immutable/steps");

    /** The deploy form as the browser submits it untouched: empty text boxes, the promotion choice left unset. */
    private static Map<String, Object> untouchedDeployForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("ref", Samples.refText('a'));
        form.put("environment", "production");
        form.put("manualPromotion", "");
        form.put("readOnly", "");
        form.put("platform", "");
        form.put("replicas", "");
        for (String box : List.of("app", "writablePaths", "healthPath", "healthTimeout", "haproxySocket", "haproxyBackend", "keepPrevious",
                "dockerHost", "stateDir", "registryCredentialsId")) {
            form.put(box, "");
        }
        return form;
    }

    /** What Stapler's binding does with the normalised form: the constructor, then each setter present. */
    private static ImmutableDeployStep bind(Map<String, Object> form) {
        FormValues.triStateBooleans(form, ImmutableDeployStep.TRI_STATE);
        FormValues.blankNumbers(form, ImmutableDeployStep.NUMBERS);
        ImmutableDeployStep step = new ImmutableDeployStep((String) form.get("ref"), (String) form.get("environment"));
        if (form.containsKey("manualPromotion")) {
            step.setManualPromotion((Boolean) form.get("manualPromotion"));
        }
        if (form.containsKey("readOnly")) {
            step.setReadOnly((Boolean) form.get("readOnly"));
        }
        step.setWritablePaths((String) form.get("writablePaths"));
        step.setPlatform((String) form.get("platform"));
        if (form.containsKey("replicas")) {
            step.setReplicas(Integer.valueOf(form.get("replicas").toString()));
        }
        step.setApp((String) form.get("app"));
        step.setHealthPath((String) form.get("healthPath"));
        step.setHealthTimeout((String) form.get("healthTimeout"));
        step.setHaproxySocket((String) form.get("haproxySocket"));
        step.setHaproxyBackend((String) form.get("haproxyBackend"));
        step.setKeepPrevious((String) form.get("keepPrevious"));
        step.setDockerHost((String) form.get("dockerHost"));
        step.setStateDir((String) form.get("stateDir"));
        step.setRegistryCredentialsId((String) form.get("registryCredentialsId"));
        return step;
    }

    @Test
    void anUntouchedFormKeepsWhatTheEnvironmentStores() throws Exception {
        ImmutableDeployStep step = bind(untouchedDeployForm());

        assertThat(step.getManualPromotion()).as("unset, so the stored gate stays").isNull();
        assertThat(step.getApp()).isNull();
        assertThat(step.getHaproxySocket()).isNull();
        assertThat(step.getStateDir()).isNull();
        assertThat(step.getRegistryCredentialsId()).isNull();
        DeploySpec spec = step.toSpec();
        assertThat(spec.toRequest(Path.of("/ws"), null).overrides().manualPromotion()).as("nothing sent to override").isNull();
        assertThat(step.getReadOnly()).as("unset, so the stored read-only setting stays").isNull();
        assertThat(spec.toRequest(Path.of("/ws"), null).overrides().readOnly()).isNull();
        assertThat(spec.toRequest(Path.of("/ws"), null).overrides().writablePaths()).as("the stored paths stay").isNull();
        assertThat(step.getPlatform()).as("the empty choice keeps the stored platform").isNull();
        assertThat(step.getReplicas()).as("the empty number box is not given").isNull();
        assertThat(spec.toRequest(Path.of("/ws"), null).overrides().platform()).isNull();
        assertThat(spec.toRequest(Path.of("/ws"), null).overrides().replicas()).isNull();
    }

    @Test
    void aSwarmChoiceAndItsReplicasReachTheRequest() throws Exception {
        Map<String, Object> form = untouchedDeployForm();
        form.put("platform", "swarm");
        form.put("replicas", " 3 ".strip());

        ImmutableDeployStep step = bind(form);

        assertThat(step.getPlatform()).isEqualTo("swarm");
        assertThat(step.getReplicas()).isEqualTo(3);
        assertThat(step.toSpec().toRequest(Path.of("/ws"), null).overrides().platform()).isEqualTo("swarm");
        assertThat(step.toSpec().toRequest(Path.of("/ws"), null).overrides().replicas()).isEqualTo(3);
    }

    @Test
    void thePlatformFieldsAreInTheFormWithHelpAndTheReplicasAreChecked() throws Exception {
        String jelly = Files.readString(FORMS.resolve("ImmutableDeployStep/config.jelly"));
        for (String field : List.of("platform", "replicas")) {
            assertThat(jelly).contains("field=\"" + field + "\"");
            assertThat(FORMS.resolve("ImmutableDeployStep/help-" + field + ".html")).exists();
        }
        assertThat(FormValues.positiveWholeNumberProblem("replicas", "")).isNull();
        assertThat(FormValues.positiveWholeNumberProblem("replicas", null)).isNull();
        assertThat(FormValues.positiveWholeNumberProblem("replicas", " 3 ")).isNull();
        for (String bad : List.of("0", "-2", "2.5", "three")) {
            assertThat(FormValues.positiveWholeNumberProblem("replicas", bad)).as(bad)
                    .isEqualTo("replicas: '" + bad + "' is not a positive whole number: expected 1 or more");
        }
        assertThat(Files.readString(Path.of("src/main/java/io/jenkins/plugins/immutable/steps/ImmutableDeployStep.java")))
                .as("the form checks the box with it").contains("positiveWholeNumberProblem(\"replicas\", value)");
    }

    @Test
    void readOnlyAndWritablePathsReachTheRequest() throws Exception {
        Map<String, Object> form = untouchedDeployForm();
        form.put("readOnly", "true");
        form.put("writablePaths", " /tmp, /var/cache/app ");
        var overrides = bind(form).toSpec().toRequest(Path.of("/ws"), null).overrides();
        assertThat(overrides.readOnly()).isTrue();
        assertThat(overrides.writablePaths()).containsExactly("/tmp", "/var/cache/app");

        form.put("readOnly", "false");
        assertThat(bind(form).getReadOnly()).isFalse();
        form.put("writablePaths", "tmp");
        assertThatThrownBy(() -> bind(form).toSpec().toRequest(Path.of("/ws"), null))
                .hasMessageContaining("writablePath").hasMessageContaining("'tmp' is not an absolute path");
    }

    @Test
    void anExplicitChoiceIsKeptEitherWay() {
        Map<String, Object> form = untouchedDeployForm();
        form.put("manualPromotion", "true");
        form.put("app", "  shop ");
        assertThat(bind(form).getManualPromotion()).isTrue();
        assertThat(bind(form).getApp()).isEqualTo("shop");

        form.put("manualPromotion", "false");
        assertThat(bind(form).getManualPromotion()).isFalse();
    }

    @Test
    void theDeployFormOffersThreeStatesNotACheckbox() throws Exception {
        String jelly = Files.readString(FORMS.resolve("ImmutableDeployStep/config.jelly"));
        assertThat(jelly).doesNotContain("<f:checkbox");
        assertThat(jelly).containsPattern("field=\"manualPromotion\"[^<]*>\\s*<f:select");
        assertThat(jelly).containsPattern("field=\"readOnly\"[^<]*>\\s*<f:select");
    }

    @Test
    void buildArgsKeepTheScriptsMapFormAndHaveAListForm() {
        Map<String, Object> script = new LinkedHashMap<>();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("VERSION", 12);
        args.put("EMPTY", null);
        script.put("image", Samples.REPO);
        script.put("buildArgs", args);

        Map<String, Object> normalised = BuildArg.scriptArguments(script);

        assertThat(normalised.get("image")).isEqualTo(Samples.REPO);
        assertThat(normalised.get("buildArgs")).isEqualTo(List.of(
                Map.of("name", "VERSION", "value", "12"), Map.of("name", "EMPTY", "value", "")));
        assertThat(script.get("buildArgs")).as("the script's own map is not changed").isSameAs(args);

        List<Object> listForm = List.of(Map.of("name", "A", "value", "b"));
        Map<String, Object> described = new HashMap<>(Map.of("image", Samples.REPO, "buildArgs", listForm));
        assertThat(BuildArg.scriptArguments(described).get("buildArgs")).isSameAs(listForm);
    }

    @Test
    void canaryStepsTakeTheScriptsListFormAndKeepTheirTextForm() throws Exception {
        Map<String, Object> script = new LinkedHashMap<>();
        script.put("ref", Samples.refText('a'));
        script.put("strategy", "canary");
        script.put("canarySteps", List.of(5, 25L, "pause", 50.0, 100));

        Map<String, Object> normalised = CanaryStepsArgument.scriptArguments(script);

        assertThat(normalised.get("canarySteps")).isEqualTo("5,25,pause,50,100");
        assertThat(script.get("canarySteps")).as("the script's own list is not changed").isInstanceOf(List.class);
        Map<String, Object> text = new HashMap<>(Map.of("canarySteps", "5,25,100"));
        assertThat(CanaryStepsArgument.scriptArguments(text)).isSameAs(text);

        ImmutableDeployStep step = new ImmutableDeployStep(Samples.refText('a'), "production");
        step.setStrategy("canary");
        step.setCanarySteps((String) normalised.get("canarySteps"));
        assertThat(step.toSpec().toRequest(Path.of("/ws"), null).overrides().canaryFields().steps())
                .containsExactly(5, 25, io.jenkins.plugins.immutable.engine.api.CanarySettings.PAUSE, 50, 100);
    }

    @Test
    void aBadCanaryListIsRefusedNamingCanaryStepsAsTheTextIs() {
        for (List<?> bad : List.<List<?>>of(List.of(5, 2.5, 100), List.of(50, 25), List.of(), List.of(5, "soon"))) {
            ImmutableDeployStep step = new ImmutableDeployStep(Samples.refText('a'), "production");
            step.setStrategy("canary");
            step.setCanarySteps((String) CanaryStepsArgument.scriptArguments(new HashMap<>(Map.of("canarySteps", bad)))
                    .get("canarySteps"));
            assertThatThrownBy(() -> step.toSpec().toRequest(Path.of("/ws"), null)).as(bad.toString())
                    .hasMessageContaining("canarySteps");
        }
    }

    @Test
    void theCanaryFieldsAreInTheFormWithHelp() throws Exception {
        String jelly = Files.readString(FORMS.resolve("ImmutableDeployStep/config.jelly"));
        for (String field : List.of("strategy", "canarySteps", "canaryInterval", "maxErrorRate", "maxP99", "minRequests")) {
            assertThat(jelly).contains("field=\"" + field + "\"");
            assertThat(FORMS.resolve("ImmutableDeployStep/help-" + field + ".html")).exists();
        }
        assertThat(Files.readString(FORMS.resolve("ImmutableDeployStep/help-canarySteps.html"))).contains("[5, 25, 'pause', 100]");
    }
}
