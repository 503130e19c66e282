package dev.floe.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.pages.Page;
import dev.floe.pages.PageTypes;

import static dev.floe.search.SearchMapping.*;

/**
 * Full-text search over pages and the other {@link SearchableEntity} types (documents, images): the public site's
 * (live pages, live text only, public media) and the editors' (pages' drafts), with highlighted snippets, counts per
 * content type, autocompletion and "did you mean".
 */
@Service
public class SiteSearch {

    private static final Logger log = LoggerFactory.getLogger(SiteSearch.class);
    private static final Pattern MARKED = Pattern.compile("<mark>([^<]+)</mark>");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    private static final int SNIPPET_CHARACTERS = 180;

    /** How much a match in each part of a page counts: the title above the body, as editors expect. */
    private static final float TITLE_WEIGHT = 5f;
    private static final float BOOST_TERMS_WEIGHT = 8f;
    private static final float SEO_WEIGHT = 2f;
    /** Far above any relevance score a page's own text can earn (those stay well under 100). */
    private static final float PROMOTED_SCORE = 1000f;

    private final EntityManager entityManager;
    private final PageTypes pageTypes;
    private final Map<String, String> otherLabels = new HashMap<>();

    SiteSearch(EntityManager entityManager, PageTypes pageTypes, List<SearchableEntity<?>> others) {
        this.entityManager = entityManager;
        this.pageTypes = pageTypes;
        others.forEach(entity -> otherLabels.put(entity.type(), entity.label()));
    }

    private record Fields(String title, String body, String seo, String boost, String autocomplete) {
        static final Fields LIVE_TEXT = new Fields(TITLE, BODY, SEO, BOOST, TITLE_AUTOCOMPLETE);
        static final Fields DRAFT_TEXT = new Fields(DRAFT_TITLE, DRAFT_BODY, DRAFT_SEO, DRAFT_BOOST, DRAFT_TITLE_AUTOCOMPLETE);

        static Fields of(boolean drafts) {
            return drafts ? DRAFT_TEXT : LIVE_TEXT;
        }
    }

    /** One hit as the index gives it: a page (loaded), or another entity told by its indexed id, title and link. */
    private record Row(Object entity, Long entityId, String type, String titleText, String url, List<String> title,
                       List<String> body) {
        @SuppressWarnings("unchecked")
        static Row of(List<?> values) {
            return new Row(values.get(0), (Long) values.get(1), (String) values.get(2), (String) values.get(3),
                    (String) values.get(4), (List<String>) values.get(5), (List<String>) values.get(6));
        }
    }

    /** Searches live pages, or every page's draft when {@code query.drafts()}; never mixes the two. */
    @Transactional(readOnly = true)
    public SearchResults search(SearchQuery query) {
        if (query.text().isEmpty()) {
            return new SearchResults(query, 0, List.of(), List.of(), null);
        }
        return guarded(() -> {
            Fields fields = Fields.of(query.drafts());
            AggregationKey<Map<String, Long>> byType = AggregationKey.of("types");
            int offset = Math.min(query.offset(), SearchQuery.MAX_RESULT_WINDOW - query.perPage());
            SearchResult<Row> result = session().search(Object.class)
                    .select(f -> f.composite().from(f.entity(), f.field(ENTITY_ID, Long.class), f.field(TYPE, String.class),
                            f.field(TITLE, String.class), f.field(URL, String.class), f.highlight(fields.title()),
                            f.highlight(fields.body())).asList(Row::of))
                    .where(f -> matching(f, query, fields, query.type()))
                    .highlighter(h -> h.plain().tag("<mark>", "</mark>").encoder(HighlighterEncoder.HTML)
                            .fragmentSize(SNIPPET_CHARACTERS).numberOfFragments(2).noMatchSize(SNIPPET_CHARACTERS))
                    .highlighter(fields.title(), h -> h.plain().fragmentSize(1000).numberOfFragments(1).noMatchSize(1000))
                    .aggregation(byType, f -> f.terms().field(TYPE, String.class).maxTermCount(100))
                    .fetch(offset, query.perPage());
            Map<String, Long> typeCounts = query.type() == null ? result.aggregation(byType) : typeCounts(query, fields);
            List<SearchResults.Hit> hits = new ArrayList<>();
            for (Row row : result.hits()) {
                if (row.entity() instanceof Page page) {
                    hits.add(pageHit(page, row, query.drafts()));
                } else if (row.entityId() != null) {
                    hits.add(otherHit(row));
                }
            }
            long total = result.total().hitCount();
            String didYouMean = total < 3 ? didYouMean(query, fields, total) : null;
            return new SearchResults(query, total, hits, counts(typeCounts), didYouMean);
        });
    }

    /** Up to {@code max} live pages whose titles have words starting as typed, for suggestions while typing. */
    @Transactional(readOnly = true)
    public List<SearchResults.Hit> suggest(String typed, int max) {
        List<String> words = words(typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT), Pattern.compile("[\\p{L}\\p{N}]+"));
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> prefixes = words.stream().map(w -> w.length() > SearchAnalysis.MAX_GRAM ? w.substring(0, SearchAnalysis.MAX_GRAM) : w).toList();
        return guarded(() -> session().search(Page.class)
                .where(f -> {
                    BooleanPredicateClausesStep<?, ?> bool = f.bool().filter(f.match().field(LIVE).matching(true));
                    prefixes.forEach(p -> bool.must(f.match().field(TITLE_AUTOCOMPLETE).matching(p)));
                    bool.should(f.match().field(TITLE).matching(typed));
                    return bool;
                })
                .fetchHits(Math.max(1, Math.min(max, 20))).stream()
                .map(page -> {
                    String title = page.getLiveTitle();
                    return new SearchResults.Hit(page.getId(), title, escape(title), page.getPath(), page.getType(),
                            typeLabel(page.getType()), "", true);
                }).toList());
    }

    private SearchSession session() {
        return Search.session(entityManager);
    }

    private static PredicateFinalStep matching(SearchPredicateFactory f, SearchQuery query, Fields fields, String type) {
        return matching(f, query.text(), query.drafts(), fields, type);
    }

    private static PredicateFinalStep matching(SearchPredicateFactory f, String text, boolean drafts, Fields fields, String type) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool().must(f.simpleQueryString()
                .field(fields.title()).boost(TITLE_WEIGHT)
                .field(fields.boost()).boost(BOOST_TERMS_WEIGHT)
                .field(fields.seo()).boost(SEO_WEIGHT)
                .field(fields.body())
                .matching(text)
                .defaultOperator(BooleanOperator.AND));
        // Boost terms are editors' promotions: a page they name ranks above every page that merely mentions the words.
        // A weight alone does not do that: few pages have boost terms, so the field's term statistics (IDF) make a
        // match there count for less than a rare word in a body.
        bool.should(f.simpleQueryString().field(fields.boost()).matching(text)
                .defaultOperator(BooleanOperator.AND).constantScore().boost(PROMOTED_SCORE));
        if (!drafts) {
            bool.filter(f.match().field(LIVE).matching(true));
        }
        if (type != null) {
            bool.filter(f.match().field(TYPE).matching(type));
        }
        return bool;
    }

    /** Counts per type for a query narrowed to one type: the filter still offers every type the words match. */
    private Map<String, Long> typeCounts(SearchQuery query, Fields fields) {
        AggregationKey<Map<String, Long>> byType = AggregationKey.of("types");
        return session().search(Object.class)
                .where(f -> matching(f, query, fields, null))
                .aggregation(byType, f -> f.terms().field(TYPE, String.class).maxTermCount(100))
                .fetch(0).aggregation(byType);
    }

    /**
     * A corrected query when some words match nothing: each such word is replaced by the indexed word that a fuzzy
     * search (up to two edits) finds most often, read back from the highlighter. This works alike on every backend.
     */
    private String didYouMean(SearchQuery query, Fields fields, long total) {
        List<String> words = words(query.text().toLowerCase(Locale.ROOT), WORD);
        String corrected = query.text();
        boolean changed = false;
        for (String word : words) {
            if (count(f -> exact(f, word, query.drafts(), fields)) > 0) {
                continue;
            }
            String replacement = closestIndexedWord(word, query.drafts(), fields);
            if (replacement != null && !replacement.equals(word)) {
                corrected = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                        .matcher(corrected).replaceAll(Matcher.quoteReplacement(replacement));
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }
        String text = corrected;
        long betterTotal = count(f -> matching(f, text, query.drafts(), fields, null));
        return betterTotal > total ? corrected : null;
    }

    private static PredicateFinalStep exact(SearchPredicateFactory f, String word, boolean drafts, Fields fields) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool().must(f.match().fields(fields.title(), fields.body()).matching(word));
        if (!drafts) {
            bool.filter(f.match().field(LIVE).matching(true));
        }
        return bool;
    }

    private String closestIndexedWord(String word, boolean drafts, Fields fields) {
        List<List<List<String>>> rows = session().search(Object.class)
                .select(f -> f.composite().from(f.highlight(fields.title()), f.highlight(fields.body()))
                        .as((title, body) -> List.of(title, body)))
                .where(f -> {
                    BooleanPredicateClausesStep<?, ?> bool = f.bool().must(f.match().fields(fields.title(), fields.body())
                            .matching(word).fuzzy(word.length() > 5 ? 2 : 1));
                    if (!drafts) {
                        bool.filter(f.match().field(LIVE).matching(true));
                    }
                    return bool;
                })
                .highlighter(h -> h.plain().tag("<mark>", "</mark>").fragmentSize(60).numberOfFragments(5))
                .fetchHits(20);
        Map<String, Integer> seen = new HashMap<>();
        for (List<List<String>> row : rows) {
            for (List<String> fragments : row) {
                for (String fragment : fragments) {
                    Matcher m = MARKED.matcher(fragment);
                    while (m.find()) {
                        seen.merge(m.group(1).toLowerCase(Locale.ROOT), 1, Integer::sum);
                    }
                }
            }
        }
        return seen.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private long count(Function<SearchPredicateFactory, PredicateFinalStep> predicate) {
        return session().search(Object.class).where(f -> predicate.apply(f)).fetchTotalHitCount();
    }

    private SearchResults.Hit pageHit(Page page, Row row, boolean drafts) {
        String title = drafts ? page.getTitle() : page.getLiveTitle();
        String titleHtml = row.title().isEmpty() ? escape(title) : row.title().getFirst();
        String snippet = String.join(" … ", row.body());
        return new SearchResults.Hit(page.getId(), title, titleHtml, page.getPath(), page.getType(), typeLabel(page.getType()),
                snippet, page.isLive());
    }

    private List<SearchResults.TypeCount> counts(Map<String, Long> byType) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        byType.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted.entrySet().stream().map(e -> new SearchResults.TypeCount(e.getKey(), typeLabel(e.getKey()), e.getValue())).toList();
    }

    private SearchResults.Hit otherHit(Row row) {
        String titleHtml = row.title().isEmpty() ? escape(row.titleText()) : row.title().getFirst();
        return new SearchResults.Hit(row.entityId(), row.titleText(), titleHtml, row.url(), row.type(), typeLabel(row.type()),
                String.join(" … ", row.body()), true);
    }

    private String typeLabel(String type) {
        if (otherLabels.containsKey(type)) {
            return otherLabels.get(type);
        }
        return pageTypes.find(type).map(t -> t.label()).orElse(type);
    }

    private static List<String> words(String text, Pattern word) {
        List<String> words = new ArrayList<>();
        Matcher m = word.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** Runs a search; an engine that fails to answer becomes {@link SearchUnavailableException}. */
    private static <T> T guarded(java.util.function.Supplier<T> search) {
        try {
            return search.get();
        } catch (SearchException e) {
            log.warn("The search engine did not answer: {}", e.getMessage());
            throw new SearchUnavailableException(e);
        }
    }
}
