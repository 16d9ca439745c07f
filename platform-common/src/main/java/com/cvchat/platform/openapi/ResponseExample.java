package com.cvchat.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An example of a controller method's successful answer in the OpenAPI document, set beside the schema springdoc
 * derives from the return type (an {@code @ApiResponse} with its own content would replace that schema).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ResponseExample {

    /** The answer's body: JSON, or text for a non-JSON answer. */
    String value();

    /** The status it goes with; the method's only 2xx answer when empty. */
    String status() default "";
}
