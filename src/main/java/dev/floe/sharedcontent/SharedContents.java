package dev.floe.sharedcontent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.blocks.Block;
import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.ContentValidationException;
import dev.floe.blocks.ValidationProblem;
import dev.floe.pages.Author;
import dev.floe.pages.PageReferences;
import dev.floe.pages.PageTree;
import dev.floe.templates.SurrogateKeys;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared content: named groups of blocks that pages place with a shared content block. A change shows at once on
 * every page that places it; one that a page places cannot be deleted.
 */
@Service
public class SharedContents {

    /** The block type that places shared content on a page, and its field holding the shared content's id. */
    public static final String BLOCK_TYPE = PageReferences.SHARED_CONTENT_BLOCK;
    public static final String BLOCK_FIELD = PageReferences.SHARED_CONTENT_BLOCK;

    /** The name of shared content's one slot of blocks, in forms that edit it. */
    public static final String SLOT = "blocks";
    private static final int MAX_NAME = 100;
    private static final int MAX_TITLE = 300;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {
    };

    private final SharedContentRepository contents;
    private final BlockTypes blockTypes;
    private final PageTree tree;
    private final PageReferences references;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SharedContents(SharedContentRepository contents, BlockTypes blockTypes, PageTree tree, PageReferences references, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.contents = contents;
        this.blockTypes = blockTypes;
        this.tree = tree;
        this.references = references;
        this.clock = clock;
    }

    /** Shared content as editors and templates see it. */
    public record View(long id, String name, String title, List<Block> blocks, Instant createdAt, String updatedBy,
                       Instant updatedAt) {
    }

    /** One page of shared content by name, and how many there are in all. */
    public record Listing(List<View> items, long total) {
    }

    @Transactional(readOnly = true)
    public Listing list(int offset, int limit) {
        List<View> items = contents.findAll(new OffsetPage(offset, limit)).stream().map(SharedContents::view).toList();
        return new Listing(items, contents.count());
    }

    /** Shared content whose name or title contains {@code text} (any case), by name; all of it when text is blank. */
    @Transactional(readOnly = true)
    public Listing search(String text, int offset, int limit) {
        if (text == null || text.isBlank()) {
            return list(offset, limit);
        }
        String pattern = "%" + text.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        var page = contents.search(pattern, new OffsetPage(offset, limit));
        return new Listing(page.getContent().stream().map(SharedContents::view).toList(), page.getTotalElements());
    }

    /** The one slot shared content has, with the block types it accepts, for forms that edit its blocks. */
    public Map<String, List<String>> slots() {
        return Map.of(SLOT, acceptedBlockTypes());
    }

    @Transactional(readOnly = true)
    public View get(long id) {
        return view(contents.findById(id).orElseThrow(() -> new SharedContentNotFoundException(id)));
    }

    @Transactional(readOnly = true)
    public Optional<View> find(long id) {
        SurrogateKeys.record("shared:" + id);
        return contents.findById(id).map(SharedContents::view);
    }

    @Transactional
    public View create(String name, String title, Object blocks, Author author) {
        SharedContent content = new SharedContent(now());
        write(content, name, title, blocks == null ? List.of() : blocks, List.of(), author);
        return view(save(content));
    }

    /** Changes the parts given; a null part stays as it is. */
    @Transactional
    public View update(long id, String name, String title, Object blocks, Author author) {
        SharedContent content = contents.findById(id).orElseThrow(() -> new SharedContentNotFoundException(id));
        List<Block> current = read(content.getBlocks());
        write(content, name != null ? name : content.getName(), title != null ? title : content.getTitle(),
                blocks != null ? blocks : raw(current), current, author);
        View saved = view(save(content));
        events.publishEvent(new SharedContentChanged(id));
        return saved;
    }

    /** Saves, turning a name taken by someone saving at the same moment into the same refusal as a name taken before. */
    private SharedContent save(SharedContent content) {
        try {
            return contents.saveAndFlush(content);
        } catch (DataIntegrityViolationException e) {
            throw new ContentValidationException(List.of(ValidationProblem.ofField("name", "there is already shared"
                    + " content named '" + content.getName() + "'; choose another name")));
        }
    }

    /** Deletes shared content that no page places, in its draft or its live version. */
    @Transactional
    public void delete(long id) {
        SharedContent content = contents.findById(id).orElseThrow(() -> new SharedContentNotFoundException(id));
        List<PageReferences.UsingPage> using = pagesUsing(id);
        if (!using.isEmpty()) {
            throw new SharedContentInUseException(content.getName(), using);
        }
        contents.delete(content);
        events.publishEvent(new SharedContentChanged(id));
    }

    /** The pages whose draft or live version places the shared content {@code id}, in tree order. */
    @Transactional(readOnly = true)
    public List<PageReferences.UsingPage> pagesUsing(long id) {
        return references.pagesUsing(PageReferences.Kind.SHARED_CONTENT, id);
    }

    private void write(SharedContent content, String name, String title, Object blocks, List<Block> current, Author author) {
        List<ValidationProblem> problems = new ArrayList<>();
        String cleanName = name == null ? null : name.strip();
        if (cleanName == null || cleanName.isEmpty()) {
            problems.add(ValidationProblem.ofField("name", "shared content needs a name: lower-case letters, digits and"
                    + " hyphens, such as 'opening-hours'"));
        } else if (cleanName.length() > MAX_NAME || !NAME.matcher(cleanName).matches()) {
            problems.add(ValidationProblem.ofField("name", "'" + cleanName + "' is not a valid name: use lower-case letters,"
                    + " digits and single hyphens (such as 'opening-hours'), at most " + MAX_NAME + " characters"));
        } else if (content.getId() == null ? contents.existsByName(cleanName)
                : contents.existsByNameAndIdNot(cleanName, content.getId())) {
            problems.add(ValidationProblem.ofField("name", "there is already shared content named '" + cleanName
                    + "'; choose another name"));
        }
        String cleanTitle = title == null ? null : title.strip();
        if (cleanTitle == null || cleanTitle.isEmpty()) {
            problems.add(ValidationProblem.ofField("title", "shared content needs a title"));
        } else if (cleanTitle.length() > MAX_TITLE) {
            problems.add(ValidationProblem.ofField("title", "is " + cleanTitle.length() + " characters long; at most "
                    + MAX_TITLE + " are allowed"));
        }
        List<Block> cleaned = blockTypes.cleanSlots(Map.of(SLOT, acceptedBlockTypes()), Map.of(SLOT, blocks),
                author.permissions(), current, tree::exists, problems).get(SLOT);
        if (!problems.isEmpty()) {
            throw new ContentValidationException(problems);
        }
        content.update(cleanName, cleanTitle, JSON.writeValueAsString(cleaned), author.email(), now());
    }

    /** Now, to the precision the database keeps, so that what a change returns is what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Every block type but shared content itself, so that shared content never places itself. */
    private List<String> acceptedBlockTypes() {
        return blockTypes.all().stream().map(BlockType::name).filter(name -> !BLOCK_TYPE.equals(name)).toList();
    }

    private static List<Object> raw(List<Block> blocks) {
        return blocks.stream().map(b -> (Object) Map.of("type", b.type(), "value", b.value())).toList();
    }

    private static List<Block> read(String json) {
        return json == null ? List.of() : JSON.readValue(json, BLOCKS);
    }

    private static View view(SharedContent content) {
        return new View(content.getId(), content.getName(), content.getTitle(), read(content.getBlocks()),
                content.getCreatedAt(), content.getUpdatedBy(), content.getUpdatedAt());
    }

    /** A page request by offset, as the API is paginated with offset and limit. */
    private static final class OffsetPage extends PageRequest {
        private final long offset;

        OffsetPage(int offset, int limit) {
            super(0, Math.max(1, limit), Sort.by("name"));
            this.offset = offset;
        }

        @Override
        public long getOffset() {
            return offset;
        }
    }
}
