package dev.floe.media;

import java.awt.Rectangle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How templates ask for a size, Wagtail's way: {@code fill-800x600} (crop to exactly that, around the focal point),
 * {@code width-1200}, {@code height-400}, {@code max-1000x1000} (fit inside) and {@code original}. Images are never
 * enlarged: a fill on a smaller image keeps the shape at the largest size the image allows.
 */
public record RenditionSpec(Kind kind, int width, int height) {

    /** The largest side a rendition may ask for. */
    public static final int MAX_SIDE = 6000;

    public enum Kind { ORIGINAL, FILL, WIDTH, HEIGHT, MAX }

    private static final Pattern TWO = Pattern.compile("(fill|max)-([0-9]{1,5})x([0-9]{1,5})");
    private static final Pattern ONE = Pattern.compile("(width|height)-([0-9]{1,5})");

    public static RenditionSpec parse(String text) {
        String spec = text == null ? "" : text.strip();
        if (spec.equals("original")) {
            return new RenditionSpec(Kind.ORIGINAL, 0, 0);
        }
        Matcher two = TWO.matcher(spec);
        if (two.matches()) {
            return checked(new RenditionSpec(two.group(1).equals("fill") ? Kind.FILL : Kind.MAX,
                    Integer.parseInt(two.group(2)), Integer.parseInt(two.group(3))), spec);
        }
        Matcher one = ONE.matcher(spec);
        if (one.matches()) {
            int size = Integer.parseInt(one.group(2));
            return checked(one.group(1).equals("width") ? new RenditionSpec(Kind.WIDTH, size, 0)
                    : new RenditionSpec(Kind.HEIGHT, 0, size), spec);
        }
        throw new MediaRejectedException(400, "spec", "'" + text + "' is not an image size: use fill-800x600,"
                + " width-1200, height-400, max-1000x1000 or original, or a named size.");
    }

    private static RenditionSpec checked(RenditionSpec spec, String text) {
        if ((spec.kind != Kind.HEIGHT && (spec.width < 1 || spec.width > MAX_SIDE))
                || (spec.kind != Kind.WIDTH && (spec.height < 1 || spec.height > MAX_SIDE))) {
            throw new MediaRejectedException(400, "spec", "'" + text + "' asks for a side outside 1 to " + MAX_SIDE + " pixels.");
        }
        return spec;
    }

    /** The same kind of spec at another width, keeping its shape: for the wider and narrower images of a srcset. */
    RenditionSpec atWidth(int newWidth) {
        return switch (kind) {
            case ORIGINAL -> this;
            case WIDTH -> new RenditionSpec(Kind.WIDTH, newWidth, 0);
            case HEIGHT -> new RenditionSpec(Kind.HEIGHT, 0, Math.max(1, (int) Math.round((double) height * newWidth / Math.max(1, width))));
            case FILL, MAX -> new RenditionSpec(kind, newWidth, Math.max(1, (int) Math.round((double) height * newWidth / width)));
        };
    }

    /** The spec written back as text, its key in the renditions table. */
    @Override
    public String toString() {
        return switch (kind) {
            case ORIGINAL -> "original";
            case FILL -> "fill-" + width + "x" + height;
            case MAX -> "max-" + width + "x" + height;
            case WIDTH -> "width-" + width;
            case HEIGHT -> "height-" + height;
        };
    }

    /** What to cut from the original and the size to scale it to. */
    record Plan(Rectangle crop, int width, int height) {
    }

    /**
     * What to cut and the size to make, never more than {@link ImageOps#MAX_OUTPUT_PIXELS}: a larger output would hold
     * more memory than an instance can spare, and be made from fewer pixels than it has.
     */
    Plan plan(int sourceWidth, int sourceHeight, FocalPoint focal) {
        Plan plan = unbounded(sourceWidth, sourceHeight, focal);
        long pixels = (long) plan.width() * plan.height();
        if (kind == Kind.ORIGINAL || pixels <= ImageOps.MAX_OUTPUT_PIXELS) {
            return plan;
        }
        double scale = Math.sqrt((double) ImageOps.MAX_OUTPUT_PIXELS / pixels);
        return new Plan(plan.crop(), Math.max(1, (int) (plan.width() * scale)), Math.max(1, (int) (plan.height() * scale)));
    }

    private Plan unbounded(int sourceWidth, int sourceHeight, FocalPoint focal) {
        Rectangle whole = new Rectangle(0, 0, sourceWidth, sourceHeight);
        return switch (kind) {
            case ORIGINAL -> new Plan(whole, sourceWidth, sourceHeight);
            case WIDTH -> {
                int w = Math.min(width, sourceWidth);
                yield new Plan(whole, w, Math.max(1, (int) Math.round((double) sourceHeight * w / sourceWidth)));
            }
            case HEIGHT -> {
                int h = Math.min(height, sourceHeight);
                yield new Plan(whole, Math.max(1, (int) Math.round((double) sourceWidth * h / sourceHeight)), h);
            }
            case MAX -> {
                double scale = Math.min(1.0, Math.min((double) width / sourceWidth, (double) height / sourceHeight));
                yield new Plan(whole, Math.max(1, (int) Math.round(sourceWidth * scale)), Math.max(1, (int) Math.round(sourceHeight * scale)));
            }
            case FILL -> fill(sourceWidth, sourceHeight, focal);
        };
    }

    /** The largest crop of the target's shape, centred on the focal point as far as the edges allow. */
    private Plan fill(int sourceWidth, int sourceHeight, FocalPoint focal) {
        double ratio = (double) width / height;
        int cropWidth = (int) Math.min(sourceWidth, Math.round(sourceHeight * ratio));
        int cropHeight = (int) Math.min(sourceHeight, Math.round(cropWidth / ratio));
        cropWidth = Math.max(1, cropWidth);
        cropHeight = Math.max(1, cropHeight);
        double centreX = focal == null ? sourceWidth / 2.0 : focal.x();
        double centreY = focal == null ? sourceHeight / 2.0 : focal.y();
        int left = clamp((int) Math.round(centreX - cropWidth / 2.0), 0, sourceWidth - cropWidth);
        int top = clamp((int) Math.round(centreY - cropHeight / 2.0), 0, sourceHeight - cropHeight);
        int outWidth = Math.min(width, cropWidth);
        int outHeight = outWidth == width ? height : Math.max(1, (int) Math.round(outWidth / ratio));
        return new Plan(new Rectangle(left, top, cropWidth, cropHeight), outWidth, outHeight);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
