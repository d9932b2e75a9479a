// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Action.java (jenkins-2.479.3)
// HEAD adds default methods (getDescription, getGroup, getEvent, getSemantic, isVisibleInContextMenu)
// that 2.479.3 does not have; they are deliberately absent.
package hudson.model;

public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
