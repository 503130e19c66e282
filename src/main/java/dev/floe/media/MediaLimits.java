package dev.floe.media;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How much the library takes and gives: upload bytes, decoded pixels, IIIF output sizes, private link lifetimes. */
@Component
public class MediaLimits {

    private final long maxUploadBytes;
    private final long maxPixels;
    private final int iiifMaxWidth;
    private final int iiifMaxHeight;
    private final long iiifMaxArea;
    private final Duration privateLinkLifetime;

    MediaLimits(@Value("${floe.media.max-upload-bytes:52428800}") long maxUploadBytes,
                @Value("${floe.media.max-pixels:40000000}") long maxPixels,
                @Value("${floe.media.iiif.max-width:4000}") int iiifMaxWidth,
                @Value("${floe.media.iiif.max-height:4000}") int iiifMaxHeight,
                @Value("${floe.media.iiif.max-area:" + ImageOps.MAX_OUTPUT_PIXELS + "}") long iiifMaxArea,
                @Value("${floe.media.private-link-lifetime:PT1H}") Duration privateLinkLifetime) {
        this.maxUploadBytes = maxUploadBytes;
        this.maxPixels = maxPixels;
        this.iiifMaxWidth = iiifMaxWidth;
        this.iiifMaxHeight = iiifMaxHeight;
        this.iiifMaxArea = iiifMaxArea;
        this.privateLinkLifetime = privateLinkLifetime;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    public long maxPixels() {
        return maxPixels;
    }

    int iiifMaxWidth() {
        return iiifMaxWidth;
    }

    int iiifMaxHeight() {
        return iiifMaxHeight;
    }

    long iiifMaxArea() {
        return iiifMaxArea;
    }

    Duration privateLinkLifetime() {
        return privateLinkLifetime;
    }
}
