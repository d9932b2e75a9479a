// Source: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractModelObject.java (jenkins-2.479.3)
// The real class implements hudson.search.SearchableModelObject, which extends ModelObject; the search
// interface is left out, so the shim names its supertype ModelObject directly.
package hudson.model;

public abstract class AbstractModelObject implements ModelObject {

    public AbstractModelObject() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
