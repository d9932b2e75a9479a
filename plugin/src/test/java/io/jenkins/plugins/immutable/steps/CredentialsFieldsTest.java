package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Every credentials parameter is the standard dropdown: filled and checked by POST, behind the item's permissions. */
class CredentialsFieldsTest {

    private static final Path FORMS = Path.of("src/main/resources/io/jenkins/plugins/immutable/steps");

    private static final List<Class<?>> WITH_CREDENTIALS = List.of(
            ImmutableBuildStep.DescriptorImpl.class, ImmutableDeployStep.DescriptorImpl.class, ImmutableRollbackStep.DescriptorImpl.class);

    @Test
    void eachDescriptorFillsAndChecksTheDropdownByPost() throws Exception {
        for (Class<?> descriptor : WITH_CREDENTIALS) {
            Method fill = descriptor.getMethod("doFillRegistryCredentialsIdItems", Item.class, String.class);
            assertThat(fill.getReturnType()).isEqualTo(ListBoxModel.class);
            assertThat(fill.isAnnotationPresent(POST.class)).as(descriptor.getName() + " fill").isTrue();
            assertAncestorAndQuery(fill.getParameters(), "registryCredentialsId");

            Method check = descriptor.getMethod("doCheckRegistryCredentialsId", Item.class, String.class);
            assertThat(check.getReturnType()).isEqualTo(FormValidation.class);
            assertThat(check.isAnnotationPresent(POST.class)).as(descriptor.getName() + " check").isTrue();
            assertAncestorAndQuery(check.getParameters(), "value");
        }
    }

    private static void assertAncestorAndQuery(Parameter[] parameters, String queryName) {
        assertThat(parameters[0].isAnnotationPresent(AncestorInPath.class)).isTrue();
        assertThat(parameters[1].isAnnotationPresent(QueryParameter.class)).isTrue();
        assertThat(parameters[1].getName()).isEqualTo(queryName); // compiled with -parameters, as Stapler reads it
    }

    @Test
    void eachFormUsesTheCredentialsSelect() throws Exception {
        for (String step : List.of("ImmutableBuildStep", "ImmutableDeployStep", "ImmutableRollbackStep")) {
            String jelly = Files.readString(FORMS.resolve(step + "/config.jelly"));
            assertThat(jelly).as(step).contains("xmlns:c=\"/lib/credentials\"")
                    .containsPattern("field=\"registryCredentialsId\"[^<]*>\\s*<c:select");
        }
    }

    @Test
    void theKeyCredentialsAreDropdownsFilledAndCheckedByPostToo() throws Exception {
        for (var field : List.of(List.of(ImmutableBuildStep.DescriptorImpl.class, "SigningKeyCredentialsId", "ImmutableBuildStep"),
                List.of(ImmutableDeployStep.DescriptorImpl.class, "VerifyKeyCredentialsId", "ImmutableDeployStep"))) {
            Class<?> descriptor = (Class<?>) field.get(0);
            String name = (String) field.get(1);
            String parameter = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            Method fill = descriptor.getMethod("doFill" + name + "Items", Item.class, String.class);
            assertThat(fill.getReturnType()).isEqualTo(ListBoxModel.class);
            assertThat(fill.isAnnotationPresent(POST.class)).as(descriptor.getName() + " fill").isTrue();
            assertAncestorAndQuery(fill.getParameters(), parameter);
            Method check = descriptor.getMethod("doCheck" + name, Item.class, String.class);
            assertThat(check.getReturnType()).isEqualTo(FormValidation.class);
            assertThat(check.isAnnotationPresent(POST.class)).as(descriptor.getName() + " check").isTrue();
            assertAncestorAndQuery(check.getParameters(), "value");
            assertThat(Files.readString(FORMS.resolve(field.get(2) + "/config.jelly")))
                    .containsPattern("field=\"" + parameter + "\"[^<]*>\\s*<c:select");
        }
        // Signing takes a Secret file only; the public key may be a Secret file or Secret text.
        assertThat(KeyCredentialsField.SIGNING).containsExactly(org.jenkinsci.plugins.plaincredentials.FileCredentials.class);
        assertThat(KeyCredentialsField.VERIFY).containsExactly(org.jenkinsci.plugins.plaincredentials.FileCredentials.class,
                org.jenkinsci.plugins.plaincredentials.StringCredentials.class);
    }
}
