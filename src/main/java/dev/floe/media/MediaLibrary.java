package dev.floe.media;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.floe.pages.PageReferences;

/**
 * The media library: images and documents, uploaded, described, replaced and deleted. A file is stored before its
 * row is written and removed again if the row cannot be, so a failed upload leaves nothing behind; a replaced file
 * keeps its item's address and drops the old file's renditions.
 */
@Service
public class MediaLibrary {

    private static final int MAX_TITLE = 300;
    private static final int MAX_ALT = 1000;
    private static final int MAX_CAPTION = 2000;
    private static final int MAX_CREDIT = 500;
    private static final int MAX_CATEGORIES = 20;
    private static final int MAX_CATEGORY = 50;

    private final ImageRepository images;
    private final DocumentRepository documents;
    private final RenditionRepository renditions;
    private final MediaStore store;
    private final MediaInspector inspector;
    private final MediaLimits limits;
    private final PageReferences references;
    private final MediaLinks links;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ImageMemory memory;

    MediaLibrary(ImageRepository images, DocumentRepository documents, RenditionRepository renditions, MediaStore store,
                 MediaInspector inspector, MediaLimits limits, PageReferences references, MediaLinks links,
                 PlatformTransactionManager transactions, Clock clock, ImageMemory memory) {
        this.images = images;
        this.documents = documents;
        this.renditions = renditions;
        this.store = store;
        this.inspector = inspector;
        this.limits = limits;
        this.references = references;
        this.links = links;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.memory = memory;
    }

    /** One page of a list, and how many items there are in all. */
    public record Listing<T>(List<T> items, long total) {
    }

    /** Changes to an image's description; a null part stays as it is. {@code clearFocalPoint} removes the focal point. */
    public record ImageChanges(String title, String altText, String caption, String credit, String licence,
                               List<String> categories, FocalPoint focalPoint, boolean clearFocalPoint) {
    }

    // ---- images

    public ImageView uploadImage(Upload upload, ImageChanges description, String by) {
        return withTempFile(upload, file -> {
            MediaInspector.InspectedImage inspected = inspector.inspectImage(file);
            Metadata metadata = metadata(null, description, upload.fileName());
            FocalPoint focal = checkFocalPoint(description.focalPoint(), inspected.width(), inspected.height());
            String name = MediaFiles.safeName(upload.fileName(), inspected.format().extension());
            String key = "images/" + UUID.randomUUID() + "/" + name;
            Path stored = storedFile(file, inspected);
            String hash = MediaFiles.sha256(stored);
            long size = size(stored);
            store.put(MediaStore.Area.PUBLIC, key, stored, inspected.format().contentType());
            try {
                return transaction.execute(status -> {
                    Image image = new Image(now());
                    image.describe(metadata);
                    image.focus(focal);
                    image.replaceFile(key, name, inspected.format(), size, hash, inspected.width(), inspected.height());
                    image.touch(by, now());
                    return view(images.saveAndFlush(image));
                });
            } catch (RuntimeException e) {
                store.delete(MediaStore.Area.PUBLIC, key);
                throw e;
            }
        });
    }

    public Listing<ImageView> listImages(int offset, int limit) {
        return transaction.execute(status -> new Listing<>(images.findAll(new OffsetPage(offset, limit)).stream()
                .map(this::view).toList(), images.count()));
    }

    /**
     * The images whose title contains {@code title} (any case) and that are in {@code category}, newest first; a blank
     * title or category does not filter.
     */
    public Listing<ImageView> searchImages(String title, String category, int offset, int limit) {
        String titlePattern = "%" + likeEscaped(title == null ? "" : title.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        String categoryPattern = category == null || category.isBlank() ? "%" : "%," + likeEscaped(category.strip()) + ",%";
        return transaction.execute(status -> {
            var found = images.search(titlePattern, categoryPattern, new OffsetPage(offset, limit));
            return new Listing<>(found.stream().map(this::view).toList(), found.getTotalElements());
        });
    }

    /** Every category some image is in, sorted. */
    public List<String> imageCategories() {
        return images.categoryLists().stream().flatMap(list -> Metadata.splitCategories(list).stream())
                .filter(c -> !c.isEmpty()).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public ImageView getImage(long id) {
        return findImage(id).orElseThrow(() -> new MediaNotFoundException("image", id));
    }

    public Optional<ImageView> findImage(long id) {
        return images.findById(id).map(this::view);
    }

    /** Changes the description; a new or removed focal point drops the renditions cropped around the old one. */
    public ImageView updateImage(long id, ImageChanges changes, String by) {
        List<Rendition> dropped = new ArrayList<>();
        ImageView updated = transaction.execute(status -> {
            Image image = images.findById(id).orElseThrow(() -> new MediaNotFoundException("image", id));
            Metadata metadata = metadata(image.metadata(), changes, image.getFileName());
            image.describe(metadata);
            if (changes.clearFocalPoint() || changes.focalPoint() != null) {
                FocalPoint focal = changes.clearFocalPoint() ? null
                        : checkFocalPoint(changes.focalPoint(), image.getWidth(), image.getHeight());
                if (!java.util.Objects.equals(focal, image.focalPoint())) {
                    image.focus(focal);
                    dropped.addAll(dropRenditions(id));
                }
            }
            image.touch(by, now());
            return view(images.saveAndFlush(image));
        });
        deleteFiles(dropped);
        return updated;
    }

    /** Puts a new file behind the image: same id, same address; its renditions are made again from the new file. */
    public ImageView replaceImage(long id, Upload upload, String by) {
        return withTempFile(upload, file -> {
            getImage(id);
            MediaInspector.InspectedImage inspected = inspector.inspectImage(file);
            String name = MediaFiles.safeName(upload.fileName(), inspected.format().extension());
            String key = "images/" + UUID.randomUUID() + "/" + name;
            Path stored = storedFile(file, inspected);
            String hash = MediaFiles.sha256(stored);
            long size = size(stored);
            store.put(MediaStore.Area.PUBLIC, key, stored, inspected.format().contentType());
            List<Rendition> dropped = new ArrayList<>();
            String[] oldKey = new String[1];
            ImageView updated;
            try {
                updated = transaction.execute(status -> {
                    Image image = images.findById(id).orElseThrow(() -> new MediaNotFoundException("image", id));
                    oldKey[0] = image.getFileKey();
                    FocalPoint focal = image.focalPoint();
                    if (focal != null && (focal.x() >= inspected.width() || focal.y() >= inspected.height())) {
                        image.focus(null);
                    }
                    image.replaceFile(key, name, inspected.format(), size, hash, inspected.width(), inspected.height());
                    image.touch(by, now());
                    dropped.addAll(dropRenditions(id));
                    return view(images.saveAndFlush(image));
                });
            } catch (RuntimeException e) {
                store.delete(MediaStore.Area.PUBLIC, key);
                throw e;
            }
            store.delete(MediaStore.Area.PUBLIC, oldKey[0]);
            deleteFiles(dropped);
            return updated;
        });
    }

    /** Deletes an image no page uses, with its file and renditions. */
    public void deleteImage(long id) {
        List<Rendition> dropped = new ArrayList<>();
        String key = transaction.execute(status -> {
            Image image = images.findById(id).orElseThrow(() -> new MediaNotFoundException("image", id));
            List<PageReferences.UsingPage> using = references.pagesUsing(PageReferences.Kind.IMAGE, id);
            if (!using.isEmpty()) {
                throw new MediaInUseException("image '" + image.metadata().title() + "'", using);
            }
            dropped.addAll(dropRenditions(id));
            images.delete(image);
            return image.getFileKey();
        });
        deleteFiles(dropped);
        store.delete(MediaStore.Area.PUBLIC, key);
    }

    public List<PageReferences.UsingPage> pagesUsingImage(long id) {
        getImage(id);
        return references.pagesUsing(PageReferences.Kind.IMAGE, id);
    }

    // ---- documents

    public DocumentView uploadDocument(Upload upload, String title, List<String> categories, boolean isPrivate, String by) {
        return withTempFile(upload, file -> {
            MediaInspector.InspectedDocument inspected = inspector.inspectDocument(file, upload.fileName());
            String cleanTitle = title(title, upload.fileName());
            List<String> cleanCategories = categories(categories);
            String name = MediaFiles.safeName(upload.fileName(), inspected.kind().extension());
            String key = "documents/" + UUID.randomUUID() + "/" + name;
            MediaStore.Area area = isPrivate ? MediaStore.Area.PRIVATE : MediaStore.Area.PUBLIC;
            String hash = MediaFiles.sha256(file);
            long size = size(file);
            store.put(area, key, file, inspected.kind().contentType());
            try {
                return transaction.execute(status -> {
                    Document document = new Document(now(), isPrivate);
                    document.describe(cleanTitle, cleanCategories);
                    document.replaceFile(key, name, inspected.kind(), size, hash, inspected.text());
                    document.touch(by, now());
                    return view(documents.saveAndFlush(document));
                });
            } catch (RuntimeException e) {
                store.delete(area, key);
                throw e;
            }
        });
    }

    public Listing<DocumentView> listDocuments(int offset, int limit) {
        return transaction.execute(status -> new Listing<>(documents.findAll(new OffsetPage(offset, limit)).stream()
                .map(this::view).toList(), documents.count()));
    }

    /** The documents whose title contains {@code title} (any case), newest first; a blank title does not filter. */
    public Listing<DocumentView> searchDocuments(String title, int offset, int limit) {
        String titlePattern = "%" + likeEscaped(title == null ? "" : title.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
        return transaction.execute(status -> {
            var found = documents.search(titlePattern, new OffsetPage(offset, limit));
            return new Listing<>(found.stream().map(this::view).toList(), found.getTotalElements());
        });
    }

    public DocumentView getDocument(long id) {
        return findDocument(id).orElseThrow(() -> new MediaNotFoundException("document", id));
    }

    public Optional<DocumentView> findDocument(long id) {
        return documents.findById(id).map(this::view);
    }

    /** A document's text, as extracted from its file (PDF and current office formats), for search; empty when none was extracted. */
    public Optional<String> documentText(long id) {
        return documents.findById(id).map(Document::getTextContent);
    }

    /** Changes title and categories; a null part stays as it is. */
    public DocumentView updateDocument(long id, String title, List<String> categories, String by) {
        return transaction.execute(status -> {
            Document document = documents.findById(id).orElseThrow(() -> new MediaNotFoundException("document", id));
            document.describe(title == null ? document.getTitle() : title(title, null),
                    categories == null ? document.getCategories() : categories(categories));
            document.touch(by, now());
            return view(documents.saveAndFlush(document));
        });
    }

    public DocumentView replaceDocument(long id, Upload upload, String by) {
        return withTempFile(upload, file -> {
            Document current = documents.findById(id).orElseThrow(() -> new MediaNotFoundException("document", id));
            MediaInspector.InspectedDocument inspected = inspector.inspectDocument(file, upload.fileName());
            String name = MediaFiles.safeName(upload.fileName(), inspected.kind().extension());
            String key = "documents/" + UUID.randomUUID() + "/" + name;
            MediaStore.Area area = current.isPrivateFile() ? MediaStore.Area.PRIVATE : MediaStore.Area.PUBLIC;
            String hash = MediaFiles.sha256(file);
            long size = size(file);
            store.put(area, key, file, inspected.kind().contentType());
            String[] oldKey = new String[1];
            DocumentView updated;
            try {
                updated = transaction.execute(status -> {
                    Document document = documents.findById(id).orElseThrow(() -> new MediaNotFoundException("document", id));
                    if (document.isPrivateFile() != current.isPrivateFile()) {
                        throw new IllegalStateException("the document's privacy changed during the replacement");
                    }
                    oldKey[0] = document.getFileKey();
                    document.replaceFile(key, name, inspected.kind(), size, hash, inspected.text());
                    document.touch(by, now());
                    return view(documents.saveAndFlush(document));
                });
            } catch (RuntimeException e) {
                store.delete(area, key);
                throw e;
            }
            store.delete(area, oldKey[0]);
            return updated;
        });
    }

    /**
     * Makes a document private (reachable only through signed, expiring links) or public, moving its file between the
     * store's private and public areas; the file is copied before the record changes and the old copy removed after.
     */
    public DocumentView setDocumentPrivate(long id, boolean makePrivate, String by) {
        Document current = documents.findById(id).orElseThrow(() -> new MediaNotFoundException("document", id));
        if (current.isPrivateFile() == makePrivate) {
            return view(current);
        }
        MediaStore.Area from = current.isPrivateFile() ? MediaStore.Area.PRIVATE : MediaStore.Area.PUBLIC;
        MediaStore.Area to = makePrivate ? MediaStore.Area.PRIVATE : MediaStore.Area.PUBLIC;
        String key = current.getFileKey();
        Upload stored = new Upload(current.getFileName(), current.getFileSize(), () -> store.open(from, key)
                .orElseThrow(() -> new IOException("the document's file " + key + " is missing from the store")).content());
        return withTempFile(stored, file -> {
            store.put(to, key, file, current.getContentType());
            DocumentView updated;
            try {
                updated = transaction.execute(status -> {
                    Document document = documents.findById(id).orElseThrow(() -> new MediaNotFoundException("document", id));
                    if (document.isPrivateFile() != current.isPrivateFile() || !key.equals(document.getFileKey())) {
                        throw new IllegalStateException("the document changed while its file was being moved; try again");
                    }
                    document.setPrivateFile(makePrivate);
                    document.touch(by, now());
                    return view(documents.saveAndFlush(document));
                });
            } catch (RuntimeException e) {
                store.delete(to, key);
                throw e;
            }
            store.delete(from, key);
            return updated;
        });
    }

    public List<PageReferences.UsingPage> pagesUsingDocument(long id) {
        getDocument(id);
        return references.pagesUsing(PageReferences.Kind.DOCUMENT, id);
    }

    public void deleteDocument(long id) {
        Document deleted = transaction.execute(status -> {
            Document document = documents.findById(id).orElseThrow(() -> new MediaNotFoundException("document", id));
            List<PageReferences.UsingPage> using = references.pagesUsing(PageReferences.Kind.DOCUMENT, id);
            if (!using.isEmpty()) {
                throw new MediaInUseException("document '" + document.getTitle() + "'", using);
            }
            documents.delete(document);
            return document;
        });
        store.delete(deleted.isPrivateFile() ? MediaStore.Area.PRIVATE : MediaStore.Area.PUBLIC, deleted.getFileKey());
    }

    // ---- internals

    private <T> T withTempFile(Upload upload, java.util.function.Function<Path, T> work) {
        if (upload.declaredSize() > limits.maxUploadBytes()) {
            throw tooLarge(upload.declaredSize());
        }
        Path file = null;
        try {
            file = Files.createTempFile("floe-upload-", ".bin");
            try (InputStream in = upload.source().open(); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > limits.maxUploadBytes()) {
                        throw tooLarge(total);
                    }
                    out.write(buffer, 0, n);
                }
                if (total == 0) {
                    throw MediaRejectedException.broken("The file is empty; choose the file to upload again.");
                }
            }
            return work.apply(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the upload: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(svgFile(file));
                    Files.deleteIfExists(uprightFile(file));
                } catch (IOException ignored) {
                    // a temporary file the system cleans up in time
                }
            }
        }
    }

    private MediaRejectedException tooLarge(long size) {
        return MediaRejectedException.tooLarge("The file is " + (size > limits.maxUploadBytes() ? "larger than" : "")
                + " the limit of " + String.format(Locale.ROOT, "%,d", limits.maxUploadBytes()) + " bytes; upload a smaller one.");
    }

    /**
     * A copy of the JPEG turned upright, made within the heap's share for images: every pixel decoded (3 bytes each)
     * and turned into a copy (3 more). An upload that needs more than that share is refused rather than let run the
     * instance out of memory.
     */
    private Path turnedUpright(Path upload, MediaInspector.InspectedImage inspected) {
        ExifOrientation turn = inspected.orientation();
        long bytes = ImageOps.bytesToTurnInPlace((long) inspected.width() * inspected.height());
        if (bytes > memory.budgetBytes()) {
            long most = ImageOps.pixelsToTurnInPlace(memory.budgetBytes());
            throw new MediaRejectedException(413, "file", "The photo is " + inspected.width() + "×" + inspected.height()
                    + " pixels and its EXIF orientation says to turn it; this server turns photos of up to "
                    + String.format(Locale.ROOT, "%,d", most) + " pixels upright (a third of its heap). Turn it upright "
                    + "before uploading it, or give the server a bigger heap (FLOE_JAVA_OPTS=-Xmx…).");
        }
        int storedWidth = turn.swapsSides() ? inspected.height() : inspected.width();
        int storedHeight = turn.swapsSides() ? inspected.width() : inspected.height();
        return memory.within(bytes, () -> {
            try {
                BufferedImage pixels = ImageOps.decodeWhole(upload, inspected.format(), new Rectangle(0, 0, storedWidth, storedHeight));
                Path upright = uprightFile(upload);
                ImageOps.encode(ImageOps.turnInPlace(pixels, turn.degrees(), turn.mirror()), ImageFormat.JPEG, upright,
                        ImageOps.ORIGINAL_JPEG_QUALITY);
                return upright;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * What gets stored: the upload itself; for SVG the sanitized copy; for a JPEG whose EXIF orientation says it is
     * turned, a copy turned upright, so that renditions, IIIF regions, downloads and the stored size all agree on
     * what is up (the copy carries no EXIF, so nothing turns it twice).
     */
    private Path storedFile(Path upload, MediaInspector.InspectedImage inspected) {
        try {
            if (inspected.svg() != null) {
                return Files.write(svgFile(upload), inspected.svg());
            }
            if (!inspected.orientation().upright()) {
                return turnedUpright(upload, inspected);
            }
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path svgFile(Path upload) {
        return upload.resolveSibling(upload.getFileName() + ".svg");
    }

    private static Path uprightFile(Path upload) {
        return upload.resolveSibling(upload.getFileName() + ".upright.jpg");
    }

    private List<Rendition> dropRenditions(long imageId) {
        List<Rendition> existing = renditions.findByImageId(imageId);
        renditions.deleteAllInBatch(existing);
        return existing;
    }

    private void deleteFiles(List<Rendition> dropped) {
        dropped.forEach(rendition -> store.delete(MediaStore.Area.PUBLIC, rendition.getFileKey()));
    }

    private Metadata metadata(Metadata current, ImageChanges changes, String fileName) {
        List<String> problems = new ArrayList<>();
        String title = changes.title() != null ? changes.title().strip() : current != null ? current.title() : null;
        if (title == null || title.isEmpty()) {
            title = current == null ? title(null, fileName) : "";
        }
        if (title.isEmpty()) {
            throw MediaRejectedException.invalid("title", "An image needs a title.");
        }
        check(title, MAX_TITLE, "title", problems);
        String alt = pick(changes.altText(), current == null ? null : current.altText(), MAX_ALT, "alt_text", problems);
        String caption = pick(changes.caption(), current == null ? null : current.caption(), MAX_CAPTION, "caption", problems);
        String credit = pick(changes.credit(), current == null ? null : current.credit(), MAX_CREDIT, "credit", problems);
        String licence = pick(changes.licence(), current == null ? null : current.licence(), MAX_CREDIT, "licence", problems);
        List<String> categories = changes.categories() != null ? categories(changes.categories())
                : current == null ? List.of() : current.categories();
        if (!problems.isEmpty()) {
            throw MediaRejectedException.invalid(problems.getFirst().substring(0, problems.getFirst().indexOf(' ')),
                    "The image's " + problems.getFirst() + ".");
        }
        return new Metadata(title, alt, caption, credit, licence, categories);
    }

    private static String pick(String given, String current, int max, String field, List<String> problems) {
        String value = given != null ? given.strip() : current;
        if (value != null && value.isEmpty()) {
            return null;
        }
        check(value, max, field, problems);
        return value;
    }

    private static void check(String value, int max, String field, List<String> problems) {
        if (value != null && value.length() > max) {
            problems.add(field + " is " + value.length() + " characters long; at most " + max + " are allowed");
        }
    }

    private static String title(String given, String fileName) {
        String title = given == null ? "" : given.strip();
        if (title.isEmpty() && fileName != null) {
            String base = fileName.replace('\\', '/');
            base = base.substring(base.lastIndexOf('/') + 1);
            int dot = base.lastIndexOf('.');
            title = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[_-]+", " ").strip();
        }
        if (title.isEmpty()) {
            throw MediaRejectedException.invalid("title", "The item needs a title.");
        }
        if (title.length() > MAX_TITLE) {
            throw MediaRejectedException.invalid("title", "The title is " + title.length() + " characters long; at most "
                    + MAX_TITLE + " are allowed.");
        }
        return title;
    }

    private static List<String> categories(List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> clean = new ArrayList<>();
        for (String category : given) {
            String c = category == null ? "" : category.strip();
            if (c.isEmpty() || c.length() > MAX_CATEGORY || c.contains(",")) {
                throw MediaRejectedException.invalid("categories", "Each category must be 1 to " + MAX_CATEGORY
                        + " characters without commas; '" + c + "' is not.");
            }
            if (!clean.contains(c)) {
                clean.add(c);
            }
        }
        if (clean.size() > MAX_CATEGORIES) {
            throw MediaRejectedException.invalid("categories", "At most " + MAX_CATEGORIES + " categories are allowed.");
        }
        return clean;
    }

    private static FocalPoint checkFocalPoint(FocalPoint focal, int width, int height) {
        if (focal == null) {
            return null;
        }
        if (focal.x() < 0 || focal.y() < 0 || focal.x() >= width || focal.y() >= height || focal.width() < 1
                || focal.height() < 1 || focal.width() > width || focal.height() > height) {
            throw MediaRejectedException.invalid("focal_point", "The focal point must lie inside the image (" + width + "×"
                    + height + " pixels), with a width and height of at least 1.");
        }
        return focal;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private ImageView view(Image image) {
        return new ImageView(image.getId(), image.metadata(), image.getFormat(), image.getWidth(), image.getHeight(),
                image.getFileSize(), image.getFileName(), image.focalPoint(), MediaLinks.imageOriginal(image.getId()),
                image.getCreatedAt(), image.getUpdatedAt(), image.getUpdatedBy());
    }

    private DocumentView view(Document document) {
        MediaLinks.Link link = links.document(document.getId(), document.isPrivateFile(), document.getFileKey(),
                document.getFileName(), document.getContentType());
        return new DocumentView(document.getId(), document.getTitle(), document.getCategories(), document.getKind(),
                document.getContentType(), document.isPrivateFile(), document.getFileSize(), document.getFileName(),
                link.url(), link.expiresAt(), document.getCreatedAt(), document.getUpdatedAt(), document.getUpdatedBy());
    }

    /** A page request by offset, newest first. */
    private static final class OffsetPage extends PageRequest {
        private final long offset;

        OffsetPage(int offset, int limit) {
            super(0, Math.max(1, limit), Sort.by(Sort.Direction.DESC, "id"));
            this.offset = offset;
        }

        @Override
        public long getOffset() {
            return offset;
        }
    }
}
