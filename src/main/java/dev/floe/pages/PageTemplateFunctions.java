package dev.floe.pages;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/** Template functions about pages: {@code pageurl(id)} gives a live page's path, or nothing if it is not live. */
@Component
class PageTemplateFunctions extends AbstractExtension {

    private final PageTree tree;

    PageTemplateFunctions(PageTree tree) {
        this.tree = tree;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("pageurl", new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                Object id = args.get("id");
                if (!(id instanceof Number number)) {
                    return null;
                }
                return tree.find(number.longValue()).filter(Page::isLive).map(Page::getPath).orElse(null);
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of("id");
            }
        });
    }
}
