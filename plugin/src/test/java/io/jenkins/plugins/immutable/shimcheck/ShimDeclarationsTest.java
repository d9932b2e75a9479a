package io.jenkins.plugins.immutable.shimcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Descriptor;
import hudson.model.InvisibleAction;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.Saveable;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;
import jenkins.YesNoMaybe;
import jenkins.model.ArtifactManager;
import jenkins.model.Jenkins;
import jenkins.util.VirtualFile;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import net.java.sezpoz.Indexable;
import net.sf.json.JSONObject;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.jvnet.hudson.annotation_indexer.Indexed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.export.ExportedBean;
import org.springframework.security.core.Authentication;

/**
 * Checks by reflection that jenkins-api-shim matches the declarations verified in shared/jenkins-api.md,
 * and that it holds no behaviour beyond the few constructors its README lists.
 */
public class ShimDeclarationsTest {

    private static final String SHIM_MESSAGE = "jenkins-api-shim: compile-time declaration only";

    /** Compiled with the test sources, so sezpoz's real Indexer must list it in the extension index. */
    @Extension(ordinal = 7)
    public static final class IndexProbe {
    }

    @Test
    void extensionIsSezpozIndexableWithRuntimeRetention() throws Exception {
        assertThat(Extension.class.isAnnotationPresent(Indexable.class)).isTrue();
        assertThat(Extension.class.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
        assertThat(Extension.class.getAnnotation(Target.class).value())
                .containsExactlyInAnyOrder(ElementType.TYPE, ElementType.FIELD, ElementType.METHOD);
        assertThat(Extension.class.getMethod("ordinal").getDefaultValue()).isEqualTo(0.0d);
        assertThat(Extension.class.getMethod("optional").isAnnotationPresent(Deprecated.class)).isTrue();
        assertThat(Extension.class.getMethod("dynamicLoadable").getDefaultValue()).isEqualTo(YesNoMaybe.MAYBE);
    }

    @Test
    void compilingAgainstTheShimRunsTheRealSezpozIndexer() {
        List<String> indexed = new ArrayList<>();
        double probeOrdinal = Double.NaN;
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, getClass().getClassLoader())) {
            indexed.add(item.className());
            if (item.className().equals(IndexProbe.class.getName())) {
                probeOrdinal = item.annotation().ordinal();
            }
        }
        assertThat(indexed).contains(IndexProbe.class.getName());
        assertThat(probeOrdinal).isEqualTo(7.0d);
    }

    @Test
    void symbolAndExportedBeanCarryIndexed() {
        assertThat(Symbol.class.isAnnotationPresent(Indexed.class)).isTrue();
        assertThat(Symbol.class.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
        assertThat(Symbol.class.getAnnotation(Target.class).value()).containsExactly(ElementType.TYPE);
        assertThat(ExportedBean.class.isAnnotationPresent(Indexed.class)).isTrue();
        assertThat(ExportedBean.class.isAnnotationPresent(Inherited.class)).isTrue();
    }

    @Test
    void stepDescriptorFunctionNameIsPublicAbstractString() throws Exception {
        Method m = StepDescriptor.class.getMethod("getFunctionName");
        assertThat(m.getReturnType()).isEqualTo(String.class);
        assertThat(Modifier.isPublic(m.getModifiers())).isTrue();
        assertThat(Modifier.isAbstract(m.getModifiers())).isTrue();
    }

    @Test
    void stepExecutionHasTheResumableShape() throws Exception {
        Constructor<StepExecution> ctor = StepExecution.class.getDeclaredConstructor(StepContext.class);
        assertThat(Modifier.isProtected(ctor.getModifiers())).isTrue();

        Method start = StepExecution.class.getMethod("start");
        assertThat(start.getReturnType()).isEqualTo(boolean.class);
        assertThat(Modifier.isAbstract(start.getModifiers())).isTrue();
        assertThat(start.getExceptionTypes()).containsExactly(Exception.class);

        Method onResume = StepExecution.class.getMethod("onResume");
        assertThat(onResume.getReturnType()).isEqualTo(void.class);
        assertThat(Modifier.isAbstract(onResume.getModifiers())).isFalse();

        Method status = StepExecution.class.getMethod("getStatus");
        assertThat(status.getReturnType()).isEqualTo(String.class);
        assertThat(Modifier.isPublic(status.getModifiers())).isTrue();
    }

    @Test
    void synchronousNonBlockingStartIsFinal() throws Exception {
        Method start = SynchronousNonBlockingStepExecution.class.getDeclaredMethod("start");
        assertThat(Modifier.isFinal(start.getModifiers())).isTrue();
        assertThat(Modifier.isPublic(start.getModifiers())).isTrue();
        assertThat(start.getExceptionTypes()).containsExactly(Exception.class);
    }

    @Test
    void runArtifactManagerAccessorsAreFinal() throws Exception {
        Method get = Run.class.getDeclaredMethod("getArtifactManager");
        assertThat(get.getReturnType()).isEqualTo(ArtifactManager.class);
        assertThat(Modifier.isFinal(get.getModifiers())).isTrue();

        Method pick = Run.class.getDeclaredMethod("pickArtifactManager");
        assertThat(Modifier.isFinal(pick.getModifiers())).isTrue();
        assertThat(Modifier.isSynchronized(pick.getModifiers())).isTrue();
        assertThat(pick.getExceptionTypes()).containsExactly(IOException.class);
    }

    @Test
    void filePathActTakesAFileCallableOfItsOwnResultType() throws Exception {
        Method act = FilePath.class.getMethod("act", FilePath.FileCallable.class);
        TypeVariable<Method>[] typeParameters = act.getTypeParameters();
        assertThat(typeParameters).hasSize(1);
        assertThat(act.getGenericReturnType()).isEqualTo(typeParameters[0]);
        ParameterizedType callable = (ParameterizedType) act.getGenericParameterTypes()[0];
        assertThat(callable.getRawType()).isEqualTo(FilePath.FileCallable.class);
        assertThat(callable.getActualTypeArguments()).containsExactly(typeParameters[0]);
        assertThat(act.getExceptionTypes()).containsExactlyInAnyOrder(IOException.class, InterruptedException.class);

        Method invoke = FilePath.FileCallable.class.getMethod("invoke", File.class, VirtualChannel.class);
        assertThat(invoke.getExceptionTypes()).containsExactlyInAnyOrder(IOException.class, InterruptedException.class);
    }

    @Test
    void findCredentialByIdHasTheRealBoundsAndParameters() throws Exception {
        Method m = CredentialsProvider.class.getMethod("findCredentialById", String.class, Class.class, Run.class);
        assertThat(Modifier.isStatic(m.getModifiers())).isTrue();
        TypeVariable<Method>[] typeParameters = m.getTypeParameters();
        assertThat(typeParameters).hasSize(1);
        assertThat(typeParameters[0].getBounds()).containsExactly(IdCredentials.class);
        assertThat(m.getGenericReturnType()).isEqualTo(typeParameters[0]);

        Type[] params = m.getGenericParameterTypes();
        assertThat(params[0]).isEqualTo(String.class);
        ParameterizedType type = (ParameterizedType) params[1];
        assertThat(type.getRawType()).isEqualTo(Class.class);
        assertThat(type.getActualTypeArguments()).containsExactly(typeParameters[0]);
        ParameterizedType run = (ParameterizedType) params[2];
        assertThat(run.getRawType()).isEqualTo(Run.class);
        for (Type argument : run.getActualTypeArguments()) {
            assertThat(argument).isInstanceOf(WildcardType.class);
            assertThat(((WildcardType) argument).getUpperBounds()).containsExactly(Object.class);
        }

        Method withRequirements = CredentialsProvider.class.getMethod(
                "findCredentialById", String.class, Class.class, Run.class, DomainRequirement[].class);
        assertThat(withRequirements.isVarArgs()).isTrue();
    }

    @Test
    void virtualFileReadMembersAreTheRealAbstractOnes() throws Exception {
        Method exists = VirtualFile.class.getMethod("exists");
        assertThat(exists.getReturnType()).isEqualTo(boolean.class);
        assertThat(exists.getExceptionTypes()).containsExactly(IOException.class);
        Method child = VirtualFile.class.getMethod("child", String.class);
        assertThat(child.getReturnType()).isEqualTo(VirtualFile.class);
        assertThat(child.getExceptionTypes()).isEmpty();
        Method open = VirtualFile.class.getMethod("open");
        assertThat(open.getReturnType()).isEqualTo(InputStream.class);
        assertThat(open.getExceptionTypes()).containsExactly(IOException.class);
        for (Method m : List.of(exists, child, open)) {
            assertThat(Modifier.isAbstract(m.getModifiers())).as(m.getName()).isTrue();
            assertThat(Modifier.isPublic(m.getModifiers())).as(m.getName()).isTrue();
        }
    }

    @Test
    void declarationsAddedForIssue11HaveTheirRealShape() throws Exception {
        // hudson.security: ACL.as2 in try-with-resources, as SynchronousNonBlockingStepExecution uses it
        assertThat(AutoCloseable.class).isAssignableFrom(ACLContext.class);
        assertThat(ACLContext.class.getMethod("close").getExceptionTypes()).isEmpty();
        Method as2 = ACL.class.getMethod("as2", Authentication.class);
        assertThat(Modifier.isStatic(as2.getModifiers())).isTrue();
        assertThat(as2.getReturnType()).isEqualTo(ACLContext.class);
        assertThat(Modifier.isAbstract(ACL.class.getModifiers())).isTrue();
        assertConstant(ACL.class, "SYSTEM2", Authentication.class);
        assertThat(Modifier.isFinal(Permission.class.getModifiers())).isTrue();
        assertThat(AccessControlled.class).isAssignableFrom(Item.class).isAssignableFrom(Jenkins.class);
        assertThat(AccessControlled.class.getMethod("hasPermission", Permission.class).isDefault()).isTrue();
        assertConstant(Item.class, "EXTENDED_READ", Permission.class);
        assertConstant(Jenkins.class, "ADMINISTER", Permission.class);
        assertConstant(CredentialsProvider.class, "USE_ITEM", Permission.class);

        // Run.save: the record is written after each change
        Method save = Run.class.getMethod("save");
        assertThat(Modifier.isSynchronized(save.getModifiers())).isTrue();
        assertThat(save.getExceptionTypes()).containsExactly(IOException.class);
        assertThat(Saveable.class).isAssignableFrom(Run.class);
        assertThat(Job.class.getMethod("getNextBuildNumber").getReturnType()).isEqualTo(int.class);

        // the two newInstance overrides the steps' descriptors make
        Method form = Descriptor.class.getMethod("newInstance", StaplerRequest2.class, JSONObject.class);
        assertThat(form.getExceptionTypes()).containsExactly(Descriptor.FormException.class);
        assertThat(form.getGenericReturnType()).isInstanceOf(TypeVariable.class);
        Method script = StepDescriptor.class.getMethod("newInstance", java.util.Map.class);
        assertThat(script.getReturnType()).isEqualTo(Step.class);
        assertThat(script.getExceptionTypes()).containsExactly(Exception.class);
        assertThat(script.getGenericParameterTypes()[0].getTypeName()).isEqualTo("java.util.Map<java.lang.String, java.lang.Object>");

        // workflow-api's FilePathUtils: the workspace found again after a restart
        Method find = FilePathUtils.class.getMethod("find", String.class, String.class);
        assertThat(Modifier.isStatic(find.getModifiers())).isTrue();
        assertThat(find.getReturnType()).isEqualTo(FilePath.class);
        assertThat(FilePathUtils.class.getMethod("getNodeName", FilePath.class).getReturnType()).isEqualTo(String.class);

        assertThrowsShim(() -> ACL.as2(null));
        assertThrowsShim(() -> FilePathUtils.find("", "/ws"));
    }

    @Test
    void plainCredentialsHaveTheirRealShape() throws Exception {
        // Secret file (signingKeyCredentialsId, verifyKeyCredentialsId): the content is read on the controller
        assertThat(FileCredentials.class.isInterface()).isTrue();
        assertThat(FileCredentials.class.getInterfaces()).containsExactly(StandardCredentials.class);
        Method content = FileCredentials.class.getMethod("getContent");
        assertThat(content.getReturnType()).isEqualTo(InputStream.class);
        assertThat(content.getExceptionTypes()).containsExactly(IOException.class);
        Method fileName = FileCredentials.class.getMethod("getFileName");
        assertThat(fileName.getReturnType()).isEqualTo(String.class);
        assertThat(fileName.getExceptionTypes()).isEmpty();

        // Secret text (secretBuildArgs, verifyKeyCredentialsId)
        assertThat(StringCredentials.class.isInterface()).isTrue();
        assertThat(StringCredentials.class.getInterfaces()).containsExactly(StandardCredentials.class);
        assertThat(StringCredentials.class.getMethod("getSecret").getReturnType()).isEqualTo(Secret.class);
    }

    private static void assertConstant(Class<?> owner, String name, Class<?> type) throws Exception {
        java.lang.reflect.Field field = owner.getField(name);
        assertThat(field.getType()).as(name).isEqualTo(type);
        assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())).as(name).isTrue();
    }

    @Test
    void plainShimMethodsThrow() {
        assertThrowsShim(Jenkins::get);
        assertThrowsShim(() -> Secret.fromString("x"));
        assertThrowsShim(FormValidation::ok);
        assertThrowsShim(() -> TaskListener.NULL.getLogger());
        assertThrowsShim(() -> Result.SUCCESS.isWorseThan(Result.FAILURE));
    }

    @Test
    void resultConstantsAreDistinctAndCarryTheirRealOrdinals() {
        assertThat(List.of(Result.SUCCESS, Result.UNSTABLE, Result.FAILURE, Result.NOT_BUILT, Result.ABORTED))
                .extracting(r -> r.ordinal)
                .containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void onlyTheListedConstructorsAreLeftNonThrowing(@TempDir Path dir) throws Exception {
        assertThat(new AbortException("registry unreachable").getMessage()).isEqualTo("registry unreachable");
        assertThat(new Step() {
            @Override
            public StepExecution start(StepContext context) {
                return null;
            }
        }).isNotNull();
        assertThat(new InvisibleAction() {
        }).isNotNull();
        Files.writeString(dir.resolve("marker"), "x");
        MasterToSlaveFileCallable<Boolean> callable = new MasterToSlaveFileCallable<>() {
            @Override
            public Boolean invoke(File f, VirtualChannel channel) {
                return new File(f, "marker").isFile();
            }
        };
        assertThat(callable.invoke(dir.toFile(), null)).isTrue();

        assertThrowsShim(EnvVars::new);
        assertThrowsShim(() -> new FilePath(dir.toFile()));
        assertThrowsShim(() -> new SynchronousNonBlockingStepExecution<Void>(null) {
            @Override
            protected Void run() {
                return null;
            }
        });
    }

    private static void assertThrowsShim(ThrowingCallable call) {
        assertThatThrownBy(call).isExactlyInstanceOf(UnsupportedOperationException.class).hasMessage(SHIM_MESSAGE);
    }
}
