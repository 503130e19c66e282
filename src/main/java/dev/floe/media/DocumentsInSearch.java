package dev.floe.media;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.floe.search.SearchableEntity;

/**
 * Documents in the site's search: found by title and extracted text; a hit leads to the document's download. A
 * private document is indexed but never visible publicly, since its address is a signed link made per visitor.
 */
@Component
class DocumentsInSearch implements SearchableEntity<Document> {

    @Override
    public Class<Document> entityClass() {
        return Document.class;
    }

    @Override
    public String type() {
        return "document";
    }

    @Override
    public String label() {
        return "Documents";
    }

    @Override
    public List<String> dependencies() {
        return List.of("title", "textContent", "privateFile");
    }

    @Override
    public Entry entry(Document document) {
        return new Entry(document.getId(), document.getTitle(), document.getTextContent(),
                MediaLinks.documentPath(document.getId()), !document.isPrivateFile());
    }
}
