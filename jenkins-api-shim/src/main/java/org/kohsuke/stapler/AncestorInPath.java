// Source: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/AncestorInPath.java
// The real annotation also carries @InjectedParameter(AncestorInPath.HandlerImpl.class); left out
// with HandlerImpl (stapler runtime machinery, no compile-time effect).
package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
public @interface AncestorInPath {
}
