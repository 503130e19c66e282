package dev.floe.admin;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A message shown once on the next page, after a redirect: {@code level} is {@code success}, {@code info} or
 * {@code error}. Add with {@link #success(RedirectAttributes, String)}; the base template shows them.
 */
public record FlashMessage(String level, String text) implements Serializable {

    public static final String ATTRIBUTE = "messages";

    public static void success(RedirectAttributes redirect, String text) {
        add(redirect, new FlashMessage("success", text));
    }

    public static void info(RedirectAttributes redirect, String text) {
        add(redirect, new FlashMessage("info", text));
    }

    public static void error(RedirectAttributes redirect, String text) {
        add(redirect, new FlashMessage("error", text));
    }

    private static void add(RedirectAttributes redirect, FlashMessage message) {
        List<FlashMessage> messages = new ArrayList<>();
        if (redirect.getFlashAttributes().get(ATTRIBUTE) instanceof List<?> existing) {
            existing.forEach(m -> messages.add((FlashMessage) m));
        }
        messages.add(message);
        redirect.addFlashAttribute(ATTRIBUTE, messages);
    }
}
