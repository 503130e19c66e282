package dev.floe.blocks;

import java.util.Map;

import org.springframework.stereotype.Component;

/** An iframe shows only an https page from a host the site allows in {@code embed_hosts:}. */
@Component
class IframeRule implements BlockRule {

    private final EmbedHosts hosts;

    IframeRule(EmbedHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public String blockType() {
        return "iframe";
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> value, Map<String, Object> sent, Report report) {
        String url = String.valueOf(value.get("url"));
        if (!hosts.allows(url)) {
            report.problem("url", hosts.hosts().isEmpty()
                    ? "cannot be shown: this site allows no iframes yet (a developer lists the hosts it may show under"
                    + " embed_hosts in site.yaml)"
                    : "must be an https address on one of the hosts this site allows (" + String.join(", ", hosts.hosts()) + ")");
        }
        return value;
    }
}
