// Source: jenkinsci/lib-annotation-indexer src/main/java/org/jvnet/hudson/annotation_indexer/Indexed.java
// Declared here because org.jenkins-ci:annotation-indexer is not on Maven Central. Its annotation
// processor (AnnotationProcessorImpl) is NOT part of the shim: the default build writes no
// META-INF/annotations/org.jenkinsci.Symbol index; the `jenkins` profile uses the real artifact.
package org.jvnet.hudson.annotation_indexer;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Documented
@Retention(RUNTIME)
@Target(ANNOTATION_TYPE)
public @interface Indexed {
    Class<? extends Validator>[] validators() default {};
}
