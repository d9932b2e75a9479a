// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java (jenkins-2.479.3)
package hudson.model;

import jenkins.model.Loadable;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;
import jenkins.util.io.OnMaster;

public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {

    public final transient Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    protected Descriptor() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getId() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getHelpFile() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public synchronized void load() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    // The real class also implements org.kohsuke.stapler.HttpResponse (left out).
    public static final class FormException extends Exception {

        public FormException(String message, String formField) {
            throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
        }

        public FormException(String message, Throwable cause, String formField) {
            throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
        }

        public FormException(Throwable cause, String formField) {
            throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
        }

        public String getFormField() {
            throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
        }
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public T newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
