package dev.floe.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times rendition generation as Floe does it (decode the needed region subsampled, scale in halving steps, encode)
 * from a 4000×3000 photograph-like JPEG, for the named sizes and a few ad hoc ones. Run by bench/renditions.sh.
 */
public final class RenditionBench {

    private RenditionBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path source = Files.createTempFile("floe-bench-", ".jpg");
        Path out = Files.createTempFile("floe-bench-out-", ".img");
        try {
            // A baseline JPEG, as cameras write them (ImageOps writes baseline too).
            ImageOps.encode(photograph(4000, 3000), ImageFormat.JPEG, source);
            System.out.printf(Locale.ROOT, "source: 4000x3000 baseline JPEG, %,d bytes; %d timed runs per size after 2 warm-ups; %s%n",
                    Files.size(source), runs, System.getProperty("java.vm.name") + " " + Runtime.version());
            System.out.printf(Locale.ROOT, "%-16s %-14s %9s %9s %9s %9s %9s%n", "spec", "output", "median ms", "min ms",
                    "max ms", "decode", "scale");
            FocalPoint focal = new FocalPoint(2800, 1200, 400, 400);
            for (String text : List.of("fill-1920x800", "max-1200x1200", "fill-600x400", "fill-1200x630", "width-400",
                    "width-2000", "fill-200x200")) {
                RenditionSpec spec = RenditionSpec.parse(text);
                RenditionSpec.Plan plan = spec.plan(4000, 3000, focal);
                ImageFormat format = text.equals("fill-200x200") ? ImageFormat.PNG : ImageFormat.JPEG;
                long[] times = new long[runs];
                long[][] phases = new long[2][runs];
                for (int i = -2; i < runs; i++) {
                    long started = System.nanoTime();
                    BufferedImage decoded = ImageOps.decode(source, ImageFormat.JPEG, plan.crop(), plan.width(), plan.height());
                    long t1 = System.nanoTime();
                    BufferedImage image = ImageOps.resize(decoded, plan.width(), plan.height());
                    long t2 = System.nanoTime();
                    ImageOps.encode(image, format, out);
                    if (i >= 0) {
                        phases[0][i] = t1 - started;
                        phases[1][i] = t2 - t1;
                    }
                    if (i >= 0) {
                        times[i] = System.nanoTime() - started;
                    }
                }
                Arrays.sort(times);
                Arrays.sort(phases[0]);
                Arrays.sort(phases[1]);
                System.out.printf(Locale.ROOT, "%-16s %-14s %9.1f %9.1f %9.1f %9.1f %9.1f%n", text,
                        plan.width() + "x" + plan.height() + " " + format.extension(), times[runs / 2] / 1e6, times[0] / 1e6,
                        times[runs - 1] / 1e6, phases[0][runs / 2] / 1e6, phases[1][runs / 2] / 1e6);
            }
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(out);
        }
    }

    /** Gradients, shapes and grain: compresses and scales like a photograph, not like a flat test card. */
    private static BufferedImage photograph(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 80, 140), 0, height, new Color(200, 170, 120)));
        g.fillRect(0, 0, width, height);
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 120));
            g.fillOval(random.nextInt(width), random.nextInt(height), 50 + random.nextInt(400), 50 + random.nextInt(300));
        }
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(17) - 8;
                int r = clamp(((row[x] >> 16) & 0xFF) + grain);
                int gr = clamp(((row[x] >> 8) & 0xFF) + grain);
                int b = clamp((row[x] & 0xFF) + grain);
                row[x] = (r << 16) | (gr << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
