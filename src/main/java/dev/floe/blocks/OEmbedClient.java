package dev.floe.blocks;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

import dev.floe.config.FloeSettings;
import dev.floe.config.SettingsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks an oEmbed provider about an address, once, when an embed block is saved: only at public addresses, without
 * following redirects, within a time limit and a size limit, and keeping nothing of the answer's HTML but the address
 * of an iframe on the provider's own host.
 */
@Component
class OEmbedClient {

    private static final int MAX_TITLE = 300;
    private static final int MAX_DIMENSION = 4000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EmbedSettings settings;
    // Made on the first fetch: a client starts a selector thread and loads the trusted certificates, which would
    // otherwise be part of every start, though embeds are fetched only when an editor saves one.
    private HttpClient http;

    OEmbedClient(EmbedSettings settings, FloeSettings floe) {
        if (settings.allowPrivateAddresses() && floe.isProduction()) {
            throw new SettingsException("floe.embed.allow-private-addresses is only for tests; production never fetches"
                    + " embeds from private addresses");
        }
        this.settings = settings;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(settings.timeout())
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return http;
    }

    @PreDestroy
    synchronized void close() {
        if (http != null) {
            http.close();
        }
    }

    OEmbed fetch(OEmbedProviders.Provider provider, String url) throws EmbedFailure {
        URI endpoint = provider.endpoint();
        if (!settings.allowPrivateAddresses()) {
            PublicAddresses.requirePublic(endpoint.getHost());
        }
        String query = "format=json&maxwidth=1280&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
        URI request = URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + query);
        Map<?, ?> answer = parse(get(request, provider));
        return reduce(provider, answer);
    }

    private byte[] get(URI uri, OEmbedProviders.Provider provider) throws EmbedFailure {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", "Floe (oEmbed consumer)")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http().sendAsync(request, info -> info.statusCode() == 200
                ? new LimitedBody(settings.maxResponseBytes())
                : HttpResponse.BodySubscribers.replacing(new byte[0]));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw tooSlow(provider);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbedFailure("the request to " + provider.label() + " was interrupted; try again");
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge) {
                    throw new EmbedFailure(provider.label() + " sent an answer larger than " + settings.maxResponseBytes()
                            + " bytes");
                }
                if (cause instanceof HttpTimeoutException) {
                    throw tooSlow(provider);
                }
            }
            throw new EmbedFailure(provider.label() + " could not be reached; try again later");
        }
        return switch (response.statusCode()) {
            case 200 -> response.body();
            case 401, 403 -> throw new EmbedFailure("its owner does not allow it to be embedded");
            case 404 -> throw new EmbedFailure(provider.label() + " does not know this address; check that it is"
                    + " public and copied in full");
            default -> throw new EmbedFailure(provider.label() + " answered with status " + response.statusCode()
                    + "; try again later");
        };
    }

    private static Map<?, ?> parse(byte[] body) throws EmbedFailure {
        try {
            if (JSON.readValue(body, Object.class) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new EmbedFailure("the provider's answer is not an oEmbed JSON document");
    }

    private static OEmbed reduce(OEmbedProviders.Provider provider, Map<?, ?> answer) throws EmbedFailure {
        String kind = answer.get("type") instanceof String type ? type.toLowerCase(Locale.ROOT) : "";
        String title = answer.get("title") instanceof String t ? plain(t) : null;
        String src = switch (kind) {
            case "video", "rich" -> answer.get("html") instanceof String html ? iframeSource(html) : null;
            case "photo" -> answer.get("url") instanceof String photo ? photo : null;
            default -> throw new EmbedFailure(provider.label() + " offers this address only as a link, not as"
                    + " something to embed");
        };
        if (src == null || !onHost(src, provider.frameHosts())) {
            throw new EmbedFailure("the answer from " + provider.label() + " has no " + ("photo".equals(kind) ? "picture"
                    : "player") + " on its own hosts (" + String.join(", ", provider.frameHosts()) + "), so it cannot be"
                    + " shown safely");
        }
        return new OEmbed(provider.name(), "photo".equals(kind) ? "photo" : "frame", title, src,
                dimension(answer.get("width")), dimension(answer.get("height")));
    }

    /** The address of the first iframe in the provider's HTML; everything else in it is dropped. */
    private static String iframeSource(String html) {
        List<String> sources = new ArrayList<>();
        PolicyFactory iframes = new HtmlPolicyBuilder()
                .allowElements((name, attributes) -> {
                    for (int i = 0; i + 1 < attributes.size(); i += 2) {
                        if ("src".equals(attributes.get(i))) {
                            sources.add(attributes.get(i + 1));
                        }
                    }
                    return name;
                }, "iframe")
                .allowAttributes("src").onElements("iframe")
                .allowUrlProtocols("https")
                .toFactory();
        iframes.sanitize(html);
        return sources.isEmpty() ? null : sources.getFirst();
    }

    private static boolean onHost(String address, List<String> hosts) {
        if (!SafeUrl.isAcceptable(address)) {
            return false;
        }
        try {
            URI uri = new URI(address);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private EmbedFailure tooSlow(OEmbedProviders.Provider provider) {
        return new EmbedFailure(provider.label() + " did not answer within " + duration(settings.timeout().toMillis())
                + "; try again later");
    }

    private static String duration(long millis) {
        if (millis % 1000 != 0) {
            return millis + " milliseconds";
        }
        return millis / 1000 + (millis == 1000 ? " second" : " seconds");
    }

    private static String plain(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_TITLE ? oneLine.substring(0, MAX_TITLE) : oneLine;
    }

    private static Integer dimension(Object value) {
        if (value instanceof Number number && number.doubleValue() >= 1 && number.doubleValue() <= MAX_DIMENSION) {
            return number.intValue();
        }
        if (value instanceof String text && text.matches("[0-9]{1,4}")) {
            return dimension(Integer.parseInt(text));
        }
        return null;
    }

    /** The provider's answer exceeded the size limit. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Collects a response body, giving up as soon as it passes {@code limit} bytes. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.isDone()) {
                    return;
                }
                if (out.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(out.toByteArray());
        }
    }
}
