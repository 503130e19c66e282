package dev.floe.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * Media in templates. {@code image(img, "fill-800x600")} writes an {@code <img>} with src, srcset, sizes, alt, width
 * and height ({@code img} is an image id or a block value holding one; the size a named one such as {@code content}
 * or an ad hoc spec); {@code image_url(img, spec)} gives the address alone; {@code image_info(img)} the image's
 * description; {@code document(doc)} a document's title, address, kind and size. Missing images render nothing.
 */
@Component
class MediaTemplateFunctions extends AbstractExtension {

    private final MediaLibrary library;
    private final Renditions renditions;
    private final ImageSizes sizes;

    MediaTemplateFunctions(MediaLibrary library, Renditions renditions, ImageSizes sizes) {
        this.library = library;
        this.renditions = renditions;
        this.sizes = sizes;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of(
                "image", function(List.of("image", "size", "sizes", "class", "alt"), args -> imageTag(args)),
                "image_url", function(List.of("image", "size"), args -> id(args.get("image"))
                        .flatMap(id -> renditions.rendition(id, renditions.spec(string(args.get("size"), "original"))))
                        .map(Renditions.Rendered::url).orElse(null)),
                "image_info", function(List.of("image"), args -> id(args.get("image")).flatMap(library::findImage)
                        .map(MediaTemplateFunctions::info).orElse(null)),
                "document", function(List.of("document"), args -> id(args.get("document")).flatMap(library::findDocument)
                        .map(MediaTemplateFunctions::info).orElse(null)));
    }

    private Object imageTag(Map<String, Object> args) {
        Optional<Long> id = id(args.get("image"));
        if (id.isEmpty()) {
            return new SafeString("");
        }
        Optional<ImageView> image = library.findImage(id.get());
        if (image.isEmpty()) {
            return new SafeString("");
        }
        String sizeName = string(args.get("size"), "content");
        Optional<ImageSizes.NamedSize> named = sizes.find(sizeName);
        RenditionSpec spec = renditions.spec(sizeName);
        Renditions.Rendered main = renditions.rendition(id.get(), spec).orElseThrow();
        StringBuilder html = new StringBuilder("<img src=\"").append(escape(main.url())).append('"');
        List<String> srcset = srcset(id.get(), image.get(), spec, main, named.map(ImageSizes.NamedSize::widths).orElse(List.of()));
        if (srcset.size() > 1) {
            html.append(" srcset=\"").append(escape(String.join(", ", srcset))).append('"');
            String sizesAttribute = string(args.get("sizes"), named.map(ImageSizes.NamedSize::sizes)
                    .orElse("(max-width: " + main.width() + "px) 100vw, " + main.width() + "px"));
            html.append(" sizes=\"").append(escape(sizesAttribute)).append('"');
        }
        String alt = string(args.get("alt"), image.get().metadata().altText() == null ? "" : image.get().metadata().altText());
        html.append(" alt=\"").append(escape(alt)).append('"')
                .append(" width=\"").append(main.width()).append('"')
                .append(" height=\"").append(main.height()).append('"');
        String cssClass = string(args.get("class"), null);
        if (cssClass != null) {
            html.append(" class=\"").append(escape(cssClass)).append('"');
        }
        html.append(" loading=\"lazy\" decoding=\"async\">");
        return new SafeString(html.toString());
    }

    /** Half, one and two times the width (or the named size's widths), each no wider than the image allows. */
    private List<String> srcset(long id, ImageView image, RenditionSpec spec, Renditions.Rendered main, List<Integer> declared) {
        if (!image.format().raster() || spec.kind() == RenditionSpec.Kind.ORIGINAL) {
            return List.of();
        }
        Set<Integer> widths = new LinkedHashSet<>();
        if (declared.isEmpty()) {
            widths.add(main.width() / 2);
            widths.add(main.width());
            widths.add(main.width() * 2);
        } else {
            widths.addAll(declared);
        }
        List<String> entries = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (int width : widths) {
            if (width < 1 || width > RenditionSpec.MAX_SIDE) {
                continue;
            }
            RenditionSpec scaled = spec.kind() == RenditionSpec.Kind.HEIGHT
                    ? new RenditionSpec(RenditionSpec.Kind.HEIGHT, 0, Math.max(1, (int) Math.round((double) main.height() * width / main.width())))
                    : spec.atWidth(width);
            Renditions.Rendered rendered = width == main.width() ? main : renditions.rendition(id, scaled).orElseThrow();
            if (seen.add(rendered.width())) {
                entries.add(rendered.url() + " " + rendered.width() + "w");
            }
        }
        return entries;
    }

    private static Map<String, Object> info(ImageView image) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", image.id());
        info.put("title", image.metadata().title());
        info.put("alt", image.metadata().altText());
        info.put("caption", image.metadata().caption());
        info.put("credit", image.metadata().credit());
        info.put("licence", image.metadata().licence());
        info.put("categories", image.metadata().categories());
        info.put("width", image.width());
        info.put("height", image.height());
        info.put("url", image.url());
        return info;
    }

    private static Map<String, Object> info(DocumentView document) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", document.id());
        info.put("title", document.title());
        info.put("url", document.url());
        info.put("kind", document.kind().extension().toUpperCase(java.util.Locale.ROOT));
        info.put("size", document.fileSize());
        info.put("size_label", sizeLabel(document.fileSize()));
        info.put("private", document.isPrivate());
        return info;
    }

    private static String sizeLabel(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** An image or document id, given directly or as a block value holding it under {@code image}, {@code document} or {@code id}. */
    private static Optional<Long> id(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (value instanceof Map<?, ?> map) {
            for (String key : List.of("id", "image", "document")) {
                if (map.get(key) instanceof Number n) {
                    return Optional.of(n.longValue());
                }
            }
        }
        if (value instanceof String s && s.matches("[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(s));
        }
        return Optional.empty();
    }

    private static String string(Object value, String fallback) {
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static Function function(List<String> names, java.util.function.Function<Map<String, Object>, Object> body) {
        return new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                return body.apply(args);
            }

            @Override
            public List<String> getArgumentNames() {
                return names;
            }
        };
    }
}
