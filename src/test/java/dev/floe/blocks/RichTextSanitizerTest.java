package dev.floe.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rich text policy, without a server. */
class RichTextSanitizerTest {

    private final RichTextSanitizer sanitizer = new RichTextSanitizer();

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>steal()</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<p onclick=\"steal()\">text</p>",
            "<a href=\"javascript:steal()\">link</a>",
            "<a href=\"jav&#x09;ascript:steal()\">link</a>",
            "<a href=\"&#106;avascript:steal()\">link</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5zdGVhbCgpPC9zY3JpcHQ+\">link</a>",
            "<img src=x onerror=steal()>",
            "<svg><script>steal()</script></svg>",
            "<iframe src=\"javascript:steal()\"></iframe>",
            "<p style=\"background:url(javascript:steal())\">text</p>",
            "<form action=\"https://evil.example/\"><input name=steal></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=steal()>",
            "<<script>script>steal()<</script>/script>",
            "<a href=\"https://example.org/\" onmouseover=\"steal()\">link</a>"})
    void removesEveryWayToRunScript(String html) {
        String clean = sanitizer.sanitize(html);

        assertThat(clean).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript")
                .doesNotContainIgnoringCase("data:").doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("<form").doesNotContainIgnoringCase("style")
                .doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    }

    @Test
    void keepsTheFormattingEditorsUse() {
        String html = "<h2>Title</h2><p><strong>bold</strong> <em>italic</em> <u>u</u> <s>s</s> <sub>1</sub> <sup>2</sup>"
                + " <code>x</code> <mark>m</mark> <abbr title=\"HyperText\">HTML</abbr></p><blockquote>q</blockquote>"
                + "<ul><li>a</li></ul><ol><li>b</li></ol><hr /><pre>p</pre>"
                + "<table><caption>c</caption><thead><tr><th scope=\"col\">h</th></tr></thead>"
                + "<tbody><tr><td colspan=\"2\">d</td></tr></tbody></table>";

        assertThat(sanitizer.sanitize(html)).isEqualTo(html);
    }

    @Test
    void keepsSafeLinksAndMarksThemNoopener() {
        String clean = sanitizer.sanitize("<a href=\"https://example.org/a?b=c\">web</a> <a href=\"mailto:a@example.org\">mail</a>");

        assertThat(clean).matches("<a href=\"https://example\\.org/a\\?b(=|&#61;)c\" rel=\"noopener\">web</a>"
                + " <a href=\"mailto:a(@|&#64;)example\\.org\" rel=\"noopener\">mail</a>");
    }

    @Test
    void keepsTheTextOfElementsItRemoves() {
        assertThat(sanitizer.sanitize("<div class=\"box\"><font color=red>kept words</font></div>")).isEqualTo("kept words");
        assertThat(sanitizer.sanitize("<p id=\"intro\" class=\"lead\">x</p>")).isEqualTo("<p id=\"intro\" class=\"lead\">x</p>");
        assertThat(sanitizer.sanitize(null)).isEmpty();
    }
}
