package dev.floe.blocks;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Cleans editors' HTML down to the formatting a page may carry: no scripts, no event handlers, no
 * {@code javascript:} URLs, whatever the editor (or an API client) sent.
 */
@Component
public class RichTextSanitizer {

    private static final Pattern ID_OR_CLASS = Pattern.compile("[A-Za-z][A-Za-z0-9_ -]{0,100}");

    private final PolicyFactory policy = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "code",
                    "pre", "blockquote", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "hr", "a", "span",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "figure", "figcaption", "abbr")
            .allowUrlProtocols("http", "https", "mailto", "tel")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").globally()
            .allowAttributes("id").matching(ID_OR_CLASS).globally()
            .allowAttributes("class").matching(ID_OR_CLASS).globally()
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("[0-9]{1,2}")).onElements("td", "th")
            .allowAttributes("scope").matching(Pattern.compile("row|col|rowgroup|colgroup")).onElements("th")
            .requireRelsOnLinks("noopener")
            .toFactory();

    public String sanitize(String html) {
        return policy.sanitize(html == null ? "" : html).strip();
    }
}
