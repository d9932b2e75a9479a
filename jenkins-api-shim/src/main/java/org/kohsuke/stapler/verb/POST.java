// Source: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/verb/POST.java
// The real annotation also carries @InterceptorAnnotation(value = HttpVerbInterceptor.class,
// stage = Stage.SELECTION); left out (stapler runtime machinery, no compile-time effect).
package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface POST {
}
