package dev.floe.search;

import java.util.List;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.engine.backend.types.dsl.StringIndexFieldTypeOptionsStep;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.springframework.beans.factory.ObjectProvider;

import dev.floe.pages.Page;
import dev.floe.pages.PageRenderer;

/**
 * The one mapping of pages to the search index, for both backends. Live text and draft text go to separate fields:
 * public search reads only the live ones (and only pages that are live), the admin's search reads the draft ones.
 */
final class PageSearchMapping implements HibernateOrmSearchMappingConfigurer {

    /** The index's default name (and its folder under the embedded index's root). */
    static final String INDEX = "page";

    /** Field names, shared with the queries in {@link SiteSearch}. */
    static final String PAGE_ID = "page_id";
    static final String LIVE = "live";
    static final String TYPE = "type";
    static final String TITLE = "title";
    static final String TITLE_AUTOCOMPLETE = "title_autocomplete";
    static final String BODY = "body";
    static final String SEO = "seo";
    static final String BOOST = "boost_terms";
    static final String DRAFT_TITLE = "draft_title";
    static final String DRAFT_TITLE_AUTOCOMPLETE = "draft_title_autocomplete";
    static final String DRAFT_BODY = "draft_body";
    static final String DRAFT_SEO = "draft_seo";
    static final String DRAFT_BOOST = "draft_boost_terms";

    private final ObjectProvider<PageRenderer> renderer;
    private final String indexName;

    PageSearchMapping(ObjectProvider<PageRenderer> renderer, String indexName) {
        this.renderer = renderer;
        this.indexName = indexName;
    }

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        TypeMappingStep page = context.programmaticMapping().type(Page.class);
        page.indexed().index(indexName);
        page.binder(new Binder(new PageSearchText(renderer)));
    }

    private record Binder(PageSearchText text) implements TypeBinder {
        @Override
        public void bind(TypeBindingContext context) {
            context.dependencies()
                    .use("live").use("liveTitle").use("liveContent").use("liveRevisionId")
                    .use("id").use("title").use("draftContent").use("type");
            IndexSchemaElement schema = context.indexSchemaElement();
            Fields fields = new Fields(
                    schema.field(PAGE_ID, f -> f.asLong().projectable(Projectable.YES)).toReference(),
                    schema.field(LIVE, f -> f.asBoolean()).toReference(),
                    schema.field(TYPE, f -> f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                    text(schema, TITLE), autocomplete(schema, TITLE_AUTOCOMPLETE), text(schema, BODY), text(schema, SEO),
                    text(schema, BOOST),
                    text(schema, DRAFT_TITLE), autocomplete(schema, DRAFT_TITLE_AUTOCOMPLETE), text(schema, DRAFT_BODY),
                    text(schema, DRAFT_SEO), text(schema, DRAFT_BOOST));
            context.bridge(Page.class, new Bridge(fields, text));
        }

        private static IndexFieldReference<String> text(IndexSchemaElement schema, String name) {
            return schema.field(name, f -> english(f)).toReference();
        }

        private static StringIndexFieldTypeOptionsStep<?> english(IndexFieldTypeFactory f) {
            return f.asString().analyzer(SearchAnalysis.ENGLISH).projectable(Projectable.YES)
                    .highlightable(List.of(Highlightable.ANY));
        }

        private static IndexFieldReference<String> autocomplete(IndexSchemaElement schema, String name) {
            return schema.field(name, f -> f.asString().analyzer(SearchAnalysis.AUTOCOMPLETE)
                    .searchAnalyzer(SearchAnalysis.AUTOCOMPLETE_QUERY).searchable(Searchable.YES)).toReference();
        }
    }

    private record Fields(IndexFieldReference<Long> pageId, IndexFieldReference<Boolean> live, IndexFieldReference<String> type,
                          IndexFieldReference<String> title, IndexFieldReference<String> titleAutocomplete,
                          IndexFieldReference<String> body, IndexFieldReference<String> seo,
                          IndexFieldReference<String> boost,
                          IndexFieldReference<String> draftTitle, IndexFieldReference<String> draftTitleAutocomplete,
                          IndexFieldReference<String> draftBody, IndexFieldReference<String> draftSeo,
                          IndexFieldReference<String> draftBoost) {
    }

    private record Bridge(Fields fields, PageSearchText text) implements TypeBridge<Page> {
        @Override
        public void write(DocumentElement target, Page page, TypeBridgeWriteContext context) {
            target.addValue(fields.pageId(), page.getId());
            target.addValue(fields.live(), page.isLive());
            target.addValue(fields.type(), page.getType());
            if (page.isLive() && page.getLiveContent() != null) {
                PageSearchText.Text live = text.of(page, false);
                target.addValue(fields.title(), live.title());
                target.addValue(fields.titleAutocomplete(), live.title());
                target.addValue(fields.body(), live.body());
                target.addValue(fields.seo(), live.seo());
                target.addValue(fields.boost(), live.boostTerms());
            }
            if (page.getDraftContent() != null) {
                PageSearchText.Text draft = text.of(page, true);
                target.addValue(fields.draftTitle(), draft.title());
                target.addValue(fields.draftTitleAutocomplete(), draft.title());
                target.addValue(fields.draftBody(), draft.body());
                target.addValue(fields.draftSeo(), draft.seo());
                target.addValue(fields.draftBoost(), draft.boostTerms());
            }
        }
    }
}
