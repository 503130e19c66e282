package dev.floe.media;

import java.awt.Rectangle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One IIIF Image API 3.0 image request, parsed and resolved against an image and the server's limits into the region
 * to cut, the size to scale it to, the turn and the quality. Bad syntax and sizes beyond the limits are refused with
 * 400, features Floe does not offer (turns other than quarter turns) with 501.
 */
record IiifRequest(Rectangle region, int width, int height, int rotation, boolean mirror, String quality, ImageFormat format) {

    private static final Pattern PIXELS = Pattern.compile("([0-9]+),([0-9]+),([0-9]+),([0-9]+)");
    private static final Pattern PERCENT = Pattern.compile("pct:([0-9.]+),([0-9.]+),([0-9.]+),([0-9.]+)");
    private static final Pattern ROTATION = Pattern.compile("(!)?([0-9]+(?:\\.[0-9]+)?)");

    /** The server's output limits, as info.json states them. */
    record Limits(int maxWidth, int maxHeight, long maxArea) {
    }

    /** The canonical form, the rendition's key: two requests that mean the same share one stored output. */
    String canonical() {
        return Renditions.IIIF + region.x + "," + region.y + "," + region.width + "," + region.height + "/" + width + "," + height
                + "/" + (mirror ? "!" : "") + rotation + "/" + quality;
    }

    static IiifRequest parse(String regionText, String sizeText, String rotationText, String file, int imageWidth,
                             int imageHeight, Limits limits) {
        int dot = file.lastIndexOf('.');
        if (dot < 1) {
            throw bad("The last part must be quality.format, such as default.jpg.");
        }
        String quality = file.substring(0, dot);
        if (!quality.matches("default|color|gray|bitonal")) {
            throw bad("The quality '" + quality + "' is not one of default, color, gray, bitonal.");
        }
        ImageFormat format = switch (file.substring(dot + 1)) {
            case "jpg" -> ImageFormat.JPEG;
            case "png" -> ImageFormat.PNG;
            case "gif" -> ImageFormat.GIF;
            default -> throw bad("The format '" + file.substring(dot + 1) + "' is not offered; use jpg, png or gif.");
        };
        Rectangle region = region(regionText, imageWidth, imageHeight);
        int[] size = size(sizeText, region, limits);
        Matcher rotation = ROTATION.matcher(rotationText);
        if (!rotation.matches()) {
            throw bad("The rotation '" + rotationText + "' must be a number of degrees from 0 to 360, optionally after !.");
        }
        double degrees = Double.parseDouble(rotation.group(2));
        if (degrees > 360) {
            throw bad("The rotation must be from 0 to 360 degrees.");
        }
        if (degrees % 90 != 0) {
            throw new MediaRejectedException(501, "rotation", "Only rotations by 0, 90, 180 or 270 degrees are offered.");
        }
        int turn = (int) degrees % 360;
        return new IiifRequest(region, size[0], size[1], turn, rotation.group(1) != null,
                quality.equals("color") ? "default" : quality, format);
    }

    private static Rectangle region(String text, int imageWidth, int imageHeight) {
        Rectangle whole = new Rectangle(0, 0, imageWidth, imageHeight);
        Rectangle asked;
        if (text.equals("full")) {
            return whole;
        } else if (text.equals("square")) {
            int side = Math.min(imageWidth, imageHeight);
            return new Rectangle((imageWidth - side) / 2, (imageHeight - side) / 2, side, side);
        } else {
            Matcher px = PIXELS.matcher(text);
            Matcher pct = PERCENT.matcher(text);
            if (px.matches()) {
                asked = new Rectangle(parseInt(px.group(1)), parseInt(px.group(2)), parseInt(px.group(3)), parseInt(px.group(4)));
            } else if (pct.matches()) {
                double x = percent(pct.group(1));
                double y = percent(pct.group(2));
                double w = percent(pct.group(3));
                double h = percent(pct.group(4));
                asked = new Rectangle((int) Math.round(x * imageWidth / 100), (int) Math.round(y * imageHeight / 100),
                        (int) Math.round(w * imageWidth / 100), (int) Math.round(h * imageHeight / 100));
            } else {
                throw bad("The region '" + text + "' must be full, square, x,y,w,h or pct:x,y,w,h.");
            }
        }
        if (asked.width <= 0 || asked.height <= 0) {
            throw bad("The region must have a width and height above zero.");
        }
        Rectangle inside = asked.intersection(whole);
        if (inside.isEmpty()) {
            throw bad("The region lies entirely outside the image, which is " + imageWidth + "×" + imageHeight + " pixels.");
        }
        return inside;
    }

    private static int[] size(String text, Rectangle region, Limits limits) {
        boolean upscale = text.startsWith("^");
        String spec = upscale ? text.substring(1) : text;
        double rw = region.width;
        double rh = region.height;
        int w;
        int h;
        if (spec.equals("max")) {
            double scale = Math.min(Math.min(limits.maxWidth() / rw, limits.maxHeight() / rh), Math.sqrt(limits.maxArea() / (rw * rh)));
            if (!upscale) {
                scale = Math.min(scale, 1.0);
            }
            w = Math.max(1, (int) Math.floor(rw * scale));
            h = Math.max(1, (int) Math.floor(rh * scale));
        } else if (spec.startsWith("pct:")) {
            double n = percent(spec.substring(4), upscale);
            w = (int) Math.round(rw * n / 100);
            h = (int) Math.round(rh * n / 100);
        } else if (spec.matches("[0-9]+,")) {
            w = parseInt(spec.substring(0, spec.length() - 1));
            h = (int) Math.round(rh * w / rw);
        } else if (spec.matches(",[0-9]+")) {
            h = parseInt(spec.substring(1));
            w = (int) Math.round(rw * h / rh);
        } else if (spec.matches("![0-9]+,[0-9]+")) {
            String[] parts = spec.substring(1).split(",");
            double scale = Math.min(parseInt(parts[0]) / rw, parseInt(parts[1]) / rh);
            w = (int) Math.floor(rw * scale);
            h = (int) Math.floor(rh * scale);
        } else if (spec.matches("[0-9]+,[0-9]+")) {
            String[] parts = spec.split(",");
            w = parseInt(parts[0]);
            h = parseInt(parts[1]);
        } else {
            throw bad("The size '" + text + "' must be max, w,, ,h, pct:n, w,h or !w,h, each optionally after ^.");
        }
        if (w < 1 || h < 1) {
            throw bad("The size '" + text + "' comes to " + w + "×" + h + " pixels; both must be at least 1.");
        }
        if (!upscale && (w > region.width || h > region.height)) {
            throw bad("The size '" + text + "' is larger than the region (" + region.width + "×" + region.height
                    + "); ask with ^ to scale up.");
        }
        if (w > limits.maxWidth() || h > limits.maxHeight() || (long) w * h > limits.maxArea()) {
            throw bad("The size " + w + "×" + h + " is beyond this server's limits (maxWidth " + limits.maxWidth()
                    + ", maxHeight " + limits.maxHeight() + ", maxArea " + limits.maxArea() + ").");
        }
        return new int[]{w, h};
    }

    private static double percent(String text) {
        return percent(text, false);
    }

    private static double percent(String text, boolean above100) {
        try {
            double value = Double.parseDouble(text);
            if (value < 0 || (!above100 && value > 100) || Double.isNaN(value) || Double.isInfinite(value)) {
                throw bad("The percentage " + text + " must be from 0 to 100.");
            }
            return value;
        } catch (NumberFormatException e) {
            throw bad("'" + text + "' is not a percentage.");
        }
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw bad("The number " + text + " is too large.");
        }
    }

    private static MediaRejectedException bad(String message) {
        return new MediaRejectedException(400, message);
    }
}
