package org.atalaya.security.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.atalaya.api.security.Access;
import org.atalaya.api.security.DataClass;

/**
 * What a resource method or SOAP operation does with which data class: the policy decides every
 * call on it, and the audit log records it. A method without it is refused to everyone (deny by
 * default).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Consults {

    /** The data class the method reads or writes. */
    DataClass value();

    /** Reading (a disclosure to the caller) or writing. */
    Access access() default Access.READ;
}
