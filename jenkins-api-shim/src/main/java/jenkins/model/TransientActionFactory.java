// Source: jenkinsci/jenkins core/src/main/java/jenkins/model/TransientActionFactory.java (jenkins-2.479.3)
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

public abstract class TransientActionFactory<T> implements ExtensionPoint {

    // Same signature as the real class's implicit constructor.
    public TransientActionFactory() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public abstract Collection<? extends Action> createFor(T target);
}
