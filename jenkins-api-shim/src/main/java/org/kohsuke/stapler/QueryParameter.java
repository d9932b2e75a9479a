// Source: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/QueryParameter.java
// The real annotation also carries @InjectedParameter(QueryParameter.HandlerImpl.class), stapler's
// request-binding machinery; it changes nothing at compile time and is left out with HandlerImpl.
package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
public @interface QueryParameter {
    String value() default "";

    boolean required() default false;

    boolean fixEmpty() default false;
}
