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
 * The one mapping to the search indexes, for both backends: pages, and each {@link SearchableEntity} in an index of
 * its own with the same fields, so that one query covers them all. A page's live text and draft text go to separate
 * fields: public search reads only the live ones (and only pages that are live), the admin's search reads the draft
 * ones. Other entities fill the live fields only, and count as live when they are public.
 */
final class SearchMapping implements HibernateOrmSearchMappingConfigurer {

    /** The pages' index's default name (and its folder under the embedded index's root). */
    static final String INDEX = "page";

    /** Field names, shared with the queries in {@link SiteSearch}. */
    static final String PAGE_ID = "page_id";
    static final String ENTITY_ID = "entity_id";
    static final String URL = "url";
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
    private final List<SearchableEntity<?>> others;

    SearchMapping(ObjectProvider<PageRenderer> renderer, String indexName, List<SearchableEntity<?>> others) {
        this.renderer = renderer;
        this.indexName = indexName;
        this.others = others;
    }

    /** The index of another entity type: "document" beside "page", or "NAME-document" beside an index named NAME. */
    static String indexName(String pageIndex, SearchableEntity<?> entity) {
        return INDEX.equals(pageIndex) ? entity.type() : pageIndex + "-" + entity.type();
    }

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        TypeMappingStep page = context.programmaticMapping().type(Page.class);
        page.indexed().index(indexName);
        page.binder(new Binder(new PageSearchText(renderer)));
        for (SearchableEntity<?> entity : others) {
            TypeMappingStep type = context.programmaticMapping().type(entity.entityClass());
            type.indexed().index(indexName(indexName, entity));
            type.binder(new EntityBinder<>(entity));
        }
    }

    /** The fields of every index, alike so that a query over several indexes treats them the same. */
    private static Fields schema(IndexSchemaElement schema) {
        return new Fields(
                schema.field(PAGE_ID, f -> f.asLong().projectable(Projectable.YES)).toReference(),
                schema.field(ENTITY_ID, f -> f.asLong().projectable(Projectable.YES)).toReference(),
                schema.field(URL, f -> f.asString().searchable(Searchable.NO).projectable(Projectable.YES)).toReference(),
                schema.field(LIVE, f -> f.asBoolean()).toReference(),
                schema.field(TYPE, f -> f.asString().aggregable(Aggregable.YES).projectable(Projectable.YES)).toReference(),
                Binder.text(schema, TITLE), Binder.autocomplete(schema, TITLE_AUTOCOMPLETE), Binder.text(schema, BODY),
                Binder.text(schema, SEO), Binder.text(schema, BOOST),
                Binder.text(schema, DRAFT_TITLE), Binder.autocomplete(schema, DRAFT_TITLE_AUTOCOMPLETE),
                Binder.text(schema, DRAFT_BODY), Binder.text(schema, DRAFT_SEO), Binder.text(schema, DRAFT_BOOST));
    }

    private record EntityBinder<T>(SearchableEntity<T> entity) implements TypeBinder {
        @Override
        public void bind(TypeBindingContext context) {
            entity.dependencies().forEach(path -> context.dependencies().use(path));
            context.bridge(entity.entityClass(), new EntityBridge<>(schema(context.indexSchemaElement()), entity));
        }
    }

    private record EntityBridge<T>(Fields fields, SearchableEntity<T> entity) implements TypeBridge<T> {
        @Override
        public void write(DocumentElement target, T value, TypeBridgeWriteContext context) {
            SearchableEntity.Entry entry = entity.entry(value);
            target.addValue(fields.entityId(), entry.id());
            target.addValue(fields.url(), entry.url());
            target.addValue(fields.live(), entry.visible());
            target.addValue(fields.type(), entity.type());
            target.addValue(fields.title(), entry.title());
            target.addValue(fields.titleAutocomplete(), entry.title());
            target.addValue(fields.body(), entry.body());
        }
    }

    private record Binder(PageSearchText text) implements TypeBinder {
        @Override
        public void bind(TypeBindingContext context) {
            context.dependencies()
                    .use("live").use("liveTitle").use("liveContent").use("liveRevisionId")
                    .use("id").use("title").use("draftContent").use("type");
            context.bridge(Page.class, new Bridge(schema(context.indexSchemaElement()), text));
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

    private record Fields(IndexFieldReference<Long> pageId, IndexFieldReference<Long> entityId,
                          IndexFieldReference<String> url, IndexFieldReference<Boolean> live, IndexFieldReference<String> type,
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
