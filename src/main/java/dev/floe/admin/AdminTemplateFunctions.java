package dev.floe.admin;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/** {@code webjar('htmx.org', 'dist/htmx.min.js')} in templates: the local address of a WebJar's file. */
@Component
class AdminTemplateFunctions extends AbstractExtension {

    private final WebJars webJars;

    AdminTemplateFunctions(WebJars webJars) {
        this.webJars = webJars;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("webjar", new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                return webJars.url(String.valueOf(args.get("library")), String.valueOf(args.get("file")));
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of("library", "file");
            }
        });
    }
}
