package dev.floe.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.floe.accounts.PageAction;
import dev.floe.accounts.SitePermission;

/**
 * Who may reach an admin handler; every handler under {@code /admin/} must say (on the method or its class), or it
 * answers 403 to everyone. Without arguments: any signed-in user. {@code value}: the site-wide permissions needed
 * (all of them). {@code pages}: the page actions the user must hold somewhere in the tree; the handler still checks
 * the particular page with {@link dev.floe.accounts.Permissions#require}. {@code anonymous}: no sign-in needed
 * (sign-in and password reset screens).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminAccess {

    SitePermission[] value() default {};

    PageAction[] pages() default {};

    boolean anonymous() default false;
}
