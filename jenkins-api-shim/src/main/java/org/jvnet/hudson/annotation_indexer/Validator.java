// Source: jenkinsci/lib-annotation-indexer src/main/java/org/jvnet/hudson/annotation_indexer/Validator.java
// Present only because Indexed.validators() names it.
package org.jvnet.hudson.annotation_indexer;

import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;

public interface Validator {
    void check(Element use, RoundEnvironment e, ProcessingEnvironment env);
}
