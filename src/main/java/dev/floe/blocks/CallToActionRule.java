package dev.floe.blocks;

import java.util.Map;

import org.springframework.stereotype.Component;

/** A call to action's button leads somewhere: to a page of the site or to an address, one or the other. */
@Component
class CallToActionRule implements BlockRule {

    @Override
    public String blockType() {
        return "call_to_action";
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> value, Map<String, Object> sent, Report report) {
        boolean page = value.containsKey("page");
        boolean url = value.containsKey("url");
        if (!page && !url) {
            report.problem("url", "the button needs somewhere to lead: give a page or a url");
        } else if (page && url) {
            report.problem("url", "give a page or a url for the button, not both");
        }
        return value;
    }
}
