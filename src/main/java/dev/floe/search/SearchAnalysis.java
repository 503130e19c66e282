package dev.floe.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers, defined alike for both backends: English text (stemmed, stop words dropped, accents folded), plain
 * folded words (for "did you mean"), and edge n-grams for autocompletion with its query-side twin.
 */
final class SearchAnalysis {

    static final String ENGLISH = "floe_english";
    static final String FOLDED = "floe_folded";
    static final String AUTOCOMPLETE = "floe_autocomplete";
    static final String AUTOCOMPLETE_QUERY = "floe_autocomplete_query";

    static final int MIN_GRAM = 1;
    static final int MAX_GRAM = 20;

    private SearchAnalysis() {
    }

    /** The embedded Lucene backend's analyzers. */
    static final class Lucene implements LuceneAnalysisConfigurer {
        @Override
        public void configure(LuceneAnalysisConfigurationContext context) {
            context.analyzer(ENGLISH).custom()
                    .tokenizer(StandardTokenizerFactory.class)
                    .tokenFilter(EnglishPossessiveFilterFactory.class)
                    .tokenFilter(LowerCaseFilterFactory.class)
                    .tokenFilter(ASCIIFoldingFilterFactory.class)
                    .tokenFilter(StopFilterFactory.class)
                    .tokenFilter(PorterStemFilterFactory.class);
            context.analyzer(FOLDED).custom()
                    .tokenizer(StandardTokenizerFactory.class)
                    .tokenFilter(LowerCaseFilterFactory.class)
                    .tokenFilter(ASCIIFoldingFilterFactory.class);
            context.analyzer(AUTOCOMPLETE).custom()
                    .tokenizer(StandardTokenizerFactory.class)
                    .tokenFilter(LowerCaseFilterFactory.class)
                    .tokenFilter(ASCIIFoldingFilterFactory.class)
                    .tokenFilter(EdgeNGramFilterFactory.class)
                    .param("minGramSize", String.valueOf(MIN_GRAM))
                    .param("maxGramSize", String.valueOf(MAX_GRAM));
            context.analyzer(AUTOCOMPLETE_QUERY).custom()
                    .tokenizer(StandardTokenizerFactory.class)
                    .tokenFilter(LowerCaseFilterFactory.class)
                    .tokenFilter(ASCIIFoldingFilterFactory.class);
        }
    }

    /** The same analyzers for Elasticsearch and OpenSearch, by their built-in names. */
    static final class Elasticsearch implements ElasticsearchAnalysisConfigurer {
        @Override
        public void configure(ElasticsearchAnalysisConfigurationContext context) {
            context.tokenFilter("floe_possessive").type("stemmer").param("language", "possessive_english");
            context.tokenFilter("floe_stop").type("stop").param("stopwords", "_english_");
            context.tokenFilter("floe_edge").type("edge_ngram").param("min_gram", MIN_GRAM).param("max_gram", MAX_GRAM);
            context.analyzer(ENGLISH).custom()
                    .tokenizer("standard")
                    .tokenFilters("floe_possessive", "lowercase", "asciifolding", "floe_stop", "porter_stem");
            context.analyzer(FOLDED).custom()
                    .tokenizer("standard")
                    .tokenFilters("lowercase", "asciifolding");
            context.analyzer(AUTOCOMPLETE).custom()
                    .tokenizer("standard")
                    .tokenFilters("lowercase", "asciifolding", "floe_edge");
            context.analyzer(AUTOCOMPLETE_QUERY).custom()
                    .tokenizer("standard")
                    .tokenFilters("lowercase", "asciifolding");
        }
    }
}
