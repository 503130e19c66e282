package dev.floe.sharedcontent;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.floe.blocks.BlockRule;

/** A shared content block must place shared content that exists. */
@Component
class SharedContentRule implements BlockRule {

    private final SharedContentRepository contents;

    SharedContentRule(SharedContentRepository contents) {
        this.contents = contents;
    }

    @Override
    public String blockType() {
        return SharedContents.BLOCK_TYPE;
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> value, Map<String, Object> sent, Report report) {
        Object id = value.get(SharedContents.BLOCK_FIELD);
        if (id instanceof Number number && !contents.existsById(number.longValue())) {
            report.problem(SharedContents.BLOCK_FIELD, "refers to shared content " + id + ", which does not exist");
        }
        return value;
    }
}
