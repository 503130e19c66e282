package dev.floe.pages;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Reads and writes page content documents as stored in the database. */
@Component
public class ContentCodec {

    private final JsonMapper mapper = JsonMapper.builder().build();

    public String write(PageContent content) {
        return mapper.writeValueAsString(content);
    }

    public PageContent read(String json) {
        return mapper.readValue(json, PageContent.class);
    }
}
