package dev.floe.sharedcontent;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.floe.pages.PageRenderer;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * {@code shared_content(id)} in templates: the shared content's {@code name}, {@code title} and its blocks rendered
 * as {@code html}, for the page being rendered; nothing when it does not exist.
 */
@Component
class SharedContentTemplateFunctions extends AbstractExtension {

    private final SharedContents contents;
    // The renderer needs the template engine, which needs these functions: look it up when first rendering.
    private final ObjectProvider<PageRenderer> renderer;

    SharedContentTemplateFunctions(SharedContents contents, ObjectProvider<PageRenderer> renderer) {
        this.contents = contents;
        this.renderer = renderer;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("shared_content", new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                if (!(args.get("id") instanceof Number id)) {
                    return null;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> page = context.getVariable("page") instanceof Map<?, ?> view
                        ? (Map<String, Object>) view : Map.of();
                return contents.find(id.longValue()).map(content -> Map.of(
                        "id", content.id(),
                        "name", content.name(),
                        "title", content.title(),
                        "html", renderer.getObject().renderSlots(Map.of("blocks", content.blocks()), page).get("blocks")))
                        .orElse(null);
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of("id");
            }
        });
    }
}
