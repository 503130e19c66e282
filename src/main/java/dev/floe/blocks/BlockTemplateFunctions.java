package dev.floe.blocks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * Template functions for blocks: {@code osm_map(latitude, longitude, zoom)} gives the OpenStreetMap addresses of a
 * map around a point, {@code embed_url} for an iframe and {@code link_url} for the full map.
 */
@Component
class BlockTemplateFunctions extends AbstractExtension {

    private static final int DEFAULT_ZOOM = 15;
    // The embedded map is about 2.5 tiles wide and 1.5 tiles high, whatever the zoom.
    private static final double TILES_ACROSS = 2.5;
    private static final double TILES_DOWN = 1.5;

    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("osm_map", new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                if (!(args.get("latitude") instanceof Number lat) || !(args.get("longitude") instanceof Number lon)) {
                    return null;
                }
                int zoom = args.get("zoom") instanceof Number z ? z.intValue() : DEFAULT_ZOOM;
                return osmMap(lat.doubleValue(), lon.doubleValue(), zoom);
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of("latitude", "longitude", "zoom");
            }
        });
    }

    static Map<String, String> osmMap(double latitude, double longitude, int zoom) {
        double tileDegrees = 360.0 / Math.pow(2, zoom);
        double halfWidth = tileDegrees * TILES_ACROSS / 2;
        double halfHeight = tileDegrees * TILES_DOWN / 2 * Math.cos(Math.toRadians(latitude));
        String bbox = String.join(",", decimal(Math.max(-180, longitude - halfWidth)), decimal(Math.max(-85, latitude - halfHeight)),
                decimal(Math.min(180, longitude + halfWidth)), decimal(Math.min(85, latitude + halfHeight)));
        String lat = decimal(latitude);
        String lon = decimal(longitude);
        return Map.of(
                "embed_url", "https://www.openstreetmap.org/export/embed.html?bbox=" + bbox + "&layer=mapnik&marker=" + lat + "," + lon,
                "link_url", "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=" + zoom + "/" + lat + "/" + lon);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
