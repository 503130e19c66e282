package dev.floe.blocks;

import java.util.regex.Pattern;

/** The links editors may enter: http(s), mailto, tel, a site path, or an anchor; never javascript: and the like. */
public final class SafeUrl {

    private static final Pattern SAFE = Pattern.compile("(?i)(https?://[^\\s<>\"]+|mailto:[^\\s<>\"]+|tel:[+0-9 ()-]+|/[^\\s<>\"]*|#[A-Za-z0-9_-]*)");

    private SafeUrl() {
    }

    public static boolean isAcceptable(String url) {
        return url != null && url.length() <= 2048 && SAFE.matcher(url).matches();
    }
}
