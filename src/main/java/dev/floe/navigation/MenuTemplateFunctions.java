package dev.floe.navigation;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import dev.floe.templates.SurrogateKeys;

/** {@code menu('main')} in templates: the menu's visible links, each with {@code label}, {@code url} and {@code children}. */
@Component
class MenuTemplateFunctions extends AbstractExtension {

    private final Menus menus;

    MenuTemplateFunctions(Menus menus) {
        this.menus = menus;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("menu", new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                Object name = args.get("name");
                // A menu shows its own items and the paths of the live pages they link to.
                SurrogateKeys.record(SurrogateKeys.TREE);
                if (name != null) {
                    SurrogateKeys.record("menu:" + name);
                }
                return name == null ? List.of() : menus.links(name.toString());
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of("name");
            }
        });
    }
}
