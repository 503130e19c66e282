package dev.floe.staticfiles;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/** {@code static('css/site.css')} in templates: the file's address, content-hashed once collected. */
@Component
class StaticTemplateFunctions extends AbstractExtension {

    private final StaticFiles staticFiles;

    StaticTemplateFunctions(StaticFiles staticFiles) {
        this.staticFiles = staticFiles;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("static", new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                Object path = args.get("path");
                return path == null ? null : staticFiles.url(path.toString());
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of("path");
            }
        });
    }
}
