package io.jenkins.plugins.immutable.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.immutable.steps.ImmutableBuildStep;
import io.jenkins.plugins.immutable.steps.ImmutableDeployStep;
import io.jenkins.plugins.immutable.steps.ImmutableRollbackStep;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * registryCredentialsId, signingKeyCredentialsId and verifyKeyCredentialsId are standard credentials dropdowns, listed
 * only to who may configure the job, by POST.
 */
@WithJenkins
class CredentialsDropdownTest {

    private JenkinsRule j;
    private WorkflowJob job;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        job = j.createProject(WorkflowJob.class, "shop");
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "registry", "test registry", "ci", "pw"));
        SystemCredentialsProvider.getInstance().save();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader", "configurer")
                .grant(Item.CONFIGURE, Item.EXTENDED_READ).everywhere().to("configurer"));
    }

    private static boolean lists(ListBoxModel model, String id) {
        return model.stream().anyMatch(o -> o.value.equals(id));
    }

    @Test
    void onlyWhoMayConfigureTheJobSeesTheCredentials() {
        ImmutableDeployStep.DescriptorImpl deploy = j.jenkins.getDescriptorByType(ImmutableDeployStep.DescriptorImpl.class);
        ImmutableBuildStep.DescriptorImpl build = j.jenkins.getDescriptorByType(ImmutableBuildStep.DescriptorImpl.class);
        ImmutableRollbackStep.DescriptorImpl rollback = j.jenkins.getDescriptorByType(ImmutableRollbackStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            assertTrue(lists(deploy.doFillRegistryCredentialsIdItems(job, ""), "registry"));
            assertTrue(lists(build.doFillRegistryCredentialsIdItems(job, ""), "registry"));
            assertTrue(lists(rollback.doFillRegistryCredentialsIdItems(job, ""), "registry"));
            assertEquals(FormValidation.Kind.OK, deploy.doCheckRegistryCredentialsId(job, "registry").kind);
            assertEquals(FormValidation.Kind.ERROR, deploy.doCheckRegistryCredentialsId(job, "no-such-id").kind);
            assertEquals(FormValidation.Kind.OK, deploy.doCheckRegistryCredentialsId(job, "").kind);
        }
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            ListBoxModel seen = deploy.doFillRegistryCredentialsIdItems(job, "current-id");
            assertFalse(lists(seen, "registry"));
            assertTrue(lists(seen, "current-id"));
            assertEquals(FormValidation.Kind.OK, deploy.doCheckRegistryCredentialsId(job, "no-such-id").kind);
        }
    }

    @Test
    void fillingIsRefusedOverGet() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login("configurer");
        wc.setThrowExceptionOnFailingStatusCode(false);
        String fill = job.getUrl() + "descriptorByName/" + ImmutableDeployStep.class.getName() + "/fillRegistryCredentialsIdItems";
        assertEquals(405, wc.getPage(new WebRequest(new URL(j.getURL(), fill), HttpMethod.GET)).getWebResponse().getStatusCode());
        WebRequest post = new WebRequest(new URL(j.getURL(), fill), HttpMethod.POST);
        wc.addCrumb(post);
        assertEquals(200, wc.getPage(post).getWebResponse().getStatusCode());
    }

    @Test
    void theKeyDropdownsListOnlyTheirKindsAndOnlyToWhoMayConfigure() throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "signing-key",
                "release signing key", "signing.key", SecretBytes.fromString("-----BEGIN PRIVATE KEY-----\n...")));
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "signing-pub",
                "release public key", Secret.fromString("-----BEGIN PUBLIC KEY-----\n...")));
        SystemCredentialsProvider.getInstance().save();
        ImmutableBuildStep.DescriptorImpl build = j.jenkins.getDescriptorByType(ImmutableBuildStep.DescriptorImpl.class);
        ImmutableDeployStep.DescriptorImpl deploy = j.jenkins.getDescriptorByType(ImmutableDeployStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            ListBoxModel signing = build.doFillSigningKeyCredentialsIdItems(job, "");
            assertTrue(lists(signing, "signing-key"));
            assertFalse(lists(signing, "signing-pub"), "Secret text cannot hold a signing key here");
            assertFalse(lists(signing, "registry"));
            ListBoxModel verify = deploy.doFillVerifyKeyCredentialsIdItems(job, "");
            assertTrue(lists(verify, "signing-key"));
            assertTrue(lists(verify, "signing-pub"));
            assertFalse(lists(verify, "registry"));
            assertEquals(FormValidation.Kind.OK, build.doCheckSigningKeyCredentialsId(job, "signing-key").kind);
            assertEquals(FormValidation.Kind.ERROR, build.doCheckSigningKeyCredentialsId(job, "signing-pub").kind);
            assertEquals(FormValidation.Kind.OK, deploy.doCheckVerifyKeyCredentialsId(job, "signing-pub").kind);
            assertEquals(FormValidation.Kind.ERROR, deploy.doCheckVerifyKeyCredentialsId(job, "registry").kind);
        }
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            ListBoxModel seen = build.doFillSigningKeyCredentialsIdItems(job, "current-id");
            assertFalse(lists(seen, "signing-key"));
            assertTrue(lists(seen, "current-id"));
        }
    }
}
