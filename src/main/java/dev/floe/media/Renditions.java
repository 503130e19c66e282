package dev.floe.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renditions: an image at a named or ad hoc size, cropped around its focal point, made once, stored and reused.
 * Two requests for the same new rendition make it once on one instance (a lock per rendition) and at most once per
 * instance across several (the table's unique key; the loser deletes its file and uses the winner's).
 */
@Service
public class Renditions {

    /** The key prefix of IIIF outputs ({@code IiifRequest.canonical}): the renditions the clean-up drops when unused. */
    static final String IIIF = "iiif/";
    /** How out of date an IIIF output's last use may be: one write a day for an output, not one a request. */
    static final Duration TOUCH_EVERY = Duration.ofDays(1);

    private final ImageRepository images;
    private final RenditionRepository renditions;
    private final MediaStore store;
    private final ImageSizes sizes;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final ImageMemory memory;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    Renditions(ImageRepository images, RenditionRepository renditions, MediaStore store, ImageSizes sizes,
               PlatformTransactionManager transactions, Clock clock, ImageMemory memory) {
        this.images = images;
        this.renditions = renditions;
        this.store = store;
        this.sizes = sizes;
        this.newTransaction = new TransactionTemplate(transactions);
        // Pages render inside read-only transactions; a rendition is recorded in a transaction of its own.
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.memory = memory;
    }

    /** A rendition's address and size. */
    public record Rendered(String url, int width, int height, String contentType) {
    }

    /** Turns a decoded source into a rendition; given the original file, its format and its image. */
    interface Generator {
        BufferedImage generate(Path source, Image image) throws IOException;
    }

    /** The spec a template names: a named size ({@code content}, {@code hero}, …) or an ad hoc one ({@code fill-800x600}). */
    public RenditionSpec spec(String nameOrSpec) {
        return sizes.find(nameOrSpec == null ? "" : nameOrSpec.strip()).map(ImageSizes.NamedSize::spec)
                .orElseGet(() -> RenditionSpec.parse(nameOrSpec));
    }

    /** The image at {@code spec}, made now if it was never made; empty when there is no such image. */
    public Optional<Rendered> rendition(long imageId, RenditionSpec spec) {
        return images.findById(imageId).map(image -> rendition(image, spec));
    }

    Rendered rendition(Image image, RenditionSpec spec) {
        RenditionSpec.Plan plan = spec.plan(image.getWidth(), image.getHeight(), image.focalPoint());
        if (!image.getFormat().raster() || spec.kind() == RenditionSpec.Kind.ORIGINAL) {
            // Vector images scale in the browser, and an original is its own rendition.
            return new Rendered(MediaLinks.imageOriginal(image.getId()), plan.width(), plan.height(), image.getFormat().contentType());
        }
        ImageFormat format = ImageOps.outputFormat(image.getFormat());
        return generate(image, spec.toString(), format,
                ImageMemory.bytesToMake(ImageOps.decodedPixels(plan.crop(), plan.width(), plan.height()), (long) plan.width() * plan.height()),
                (source, img) -> ImageOps.resize(ImageOps.decode(source, img.getFormat(), plan.crop(), plan.width(), plan.height()),
                        plan.width(), plan.height()));
    }

    /**
     * The stored rendition for {@code specKey} and {@code format}, generating it the first time it is asked for;
     * making it may hold {@code bytesToMake} ({@link ImageMemory#bytesToMake}).
     */
    Rendered generate(Image image, String specKey, ImageFormat format, long bytesToMake, Generator generator) {
        long imageId = image.getId();
        Optional<Rendition> existing = current(image, specKey, format);
        if (existing.isPresent()) {
            noteUse(existing.get());
            return rendered(existing.get());
        }
        String lockKey = imageId + "|" + specKey + "|" + format;
        Object lock = locks.computeIfAbsent(lockKey, k -> new Object());
        try {
            synchronized (lock) {
                existing = current(image, specKey, format);
                if (existing.isPresent()) {
                    return rendered(existing.get());
                }
                removeStale(imageId, specKey, format);
                return rendered(memory.within(bytesToMake, () -> make(image, specKey, format, generator)));
            }
        } finally {
            locks.remove(lockKey, lock);
        }
    }

    /** Drops the row of the stored output for {@code specKey} if it still names {@code fileKey}, a file that has gone. */
    void forget(Image image, String specKey, ImageFormat format, String fileKey) {
        renditions.findByImageIdAndSpecAndFormat(image.getId(), specKey, format.label())
                .filter(rendition -> rendition.getFileKey().equals(fileKey))
                .ifPresent(gone -> newTransaction.execute(status -> renditions.deleteIfUnchanged(gone.getId(), fileKey)));
    }

    /** Records that an IIIF output was served again, so the clean-up keeps it (at most once a {@link #TOUCH_EVERY}). */
    private void noteUse(Rendition rendition) {
        if (!rendition.getSpec().startsWith(IIIF)) {
            return;
        }
        Instant now = now();
        Instant since = now.minus(TOUCH_EVERY);
        if (rendition.lastUsed().isBefore(since)) {
            newTransaction.executeWithoutResult(status -> renditions.touch(rendition.getId(), now, since));
        }
    }

    private Optional<Rendition> current(Image image, String specKey, ImageFormat format) {
        return renditions.findByImageIdAndSpecAndFormat(image.getId(), specKey, format.label())
                .filter(r -> r.getSourceVersion() == image.getFileVersion());
    }

    private void removeStale(long imageId, String specKey, ImageFormat format) {
        renditions.findByImageIdAndSpecAndFormat(imageId, specKey, format.label()).ifPresent(stale -> {
            newTransaction.executeWithoutResult(status -> renditions.deleteById(stale.getId()));
            store.delete(MediaStore.Area.PUBLIC, stale.getFileKey());
        });
    }

    private Rendition make(Image image, String specKey, ImageFormat format, Generator generator) {
        Path source = null;
        Path output = null;
        try {
            source = original(image);
            BufferedImage result = generator.generate(source, image);
            output = Files.createTempFile("floe-rendition-", "." + format.extension());
            ImageOps.encode(result, format, output);
            String key = "renditions/" + image.getId() + "/" + UUID.randomUUID().toString().substring(0, 8) + "-"
                    + specKey.replaceAll("[^A-Za-z0-9.-]+", "_") + "." + format.extension();
            store.put(MediaStore.Area.PUBLIC, key, output, format.contentType());
            Rendition rendition = new Rendition(image.getId(), specKey, format, image.getFileVersion(), key,
                    result.getWidth(), result.getHeight(), Files.size(output), now());
            try {
                return newTransaction.execute(status -> renditions.saveAndFlush(rendition));
            } catch (DataIntegrityViolationException raced) {
                // Another instance made it at the same moment, or the image was deleted meanwhile.
                store.delete(MediaStore.Area.PUBLIC, key);
                return renditions.findByImageIdAndSpecAndFormat(image.getId(), specKey, format.label())
                        .orElseThrow(() -> new MediaNotFoundException("image", image.getId()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the rendition " + specKey + " of image " + image.getId()
                    + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(source);
            deleteQuietly(output);
        }
    }

    /** A local copy of the image's original, wherever the store keeps it. */
    private Path original(Image image) throws IOException {
        MediaStore.Stored stored = store.open(MediaStore.Area.PUBLIC, image.getFileKey())
                .orElseThrow(() -> new IllegalStateException("the file of image " + image.getId() + " is missing from "
                        + store.describe()));
        Path copy = Files.createTempFile("floe-original-", "." + image.getFormat().extension());
        try (InputStream in = stored.content()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private static Rendered rendered(Rendition rendition) {
        return new Rendered(MediaLinks.publicFile(rendition.getFileKey()), rendition.getWidth(), rendition.getHeight(),
                rendition.getFormat().contentType());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file the system cleans up in time
            }
        }
    }
}
