// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java (jenkins-2.479.3)
// The real class also implements jenkins.model.ModelObjectWithContextMenu (left out).
package hudson.model;

import java.util.List;
import org.kohsuke.stapler.export.ExportedBean;

@ExportedBean
public abstract class Actionable extends AbstractModelObject {

    public Actionable() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Deprecated
    public List<Action> getActions() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public final List<? extends Action> getAllActions() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void addAction(Action a) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void replaceAction(Action a) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean addOrReplaceAction(Action a) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean removeAction(Action a) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean removeActions(Class<? extends Action> clazz) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public boolean replaceActions(Class<? extends Action> clazz, Action a) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
