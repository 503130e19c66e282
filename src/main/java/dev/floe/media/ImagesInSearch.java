package dev.floe.media;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.floe.search.SearchableEntity;

/** Images in the site's search: found by title, alt text and caption; a hit leads to the image's file. */
@Component
class ImagesInSearch implements SearchableEntity<Image> {

    @Override
    public Class<Image> entityClass() {
        return Image.class;
    }

    @Override
    public String type() {
        return "image";
    }

    @Override
    public String label() {
        return "Images";
    }

    @Override
    public List<String> dependencies() {
        return List.of("title", "altText", "caption");
    }

    @Override
    public Entry entry(Image image) {
        Metadata metadata = image.metadata();
        String body = String.join("\n", java.util.stream.Stream.of(metadata.altText(), metadata.caption())
                .filter(text -> text != null && !text.isBlank()).toList());
        return new Entry(image.getId(), metadata.title(), body, MediaLinks.imageOriginal(image.getId()), true);
    }
}
