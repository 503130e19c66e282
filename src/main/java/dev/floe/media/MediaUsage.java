package dev.floe.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.floe.blocks.Block;
import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.FieldSpec;
import dev.floe.blocks.FieldType;
import dev.floe.pages.ContentCodec;
import dev.floe.pages.Page;
import dev.floe.pages.PageContent;
import dev.floe.pages.PageTree;

/** Which pages use an image or a document: any block field of that type, in a page's draft or its live version. */
@Component
class MediaUsage {

    private final PageTree tree;
    private final ContentCodec codec;
    private final BlockTypes blockTypes;

    MediaUsage(PageTree tree, ContentCodec codec, BlockTypes blockTypes) {
        this.tree = tree;
        this.codec = codec;
        this.blockTypes = blockTypes;
    }

    List<MediaInUseException.UsingPage> pagesUsing(FieldType type, long id) {
        List<MediaInUseException.UsingPage> using = new ArrayList<>();
        for (Page page : tree.withContentContaining(Long.toString(id))) {
            if (uses(page.getDraftContent(), type, id) || uses(page.getLiveContent(), type, id)) {
                using.add(new MediaInUseException.UsingPage(page.getId(), page.getPath()));
            }
        }
        return using;
    }

    private boolean uses(String json, FieldType type, long id) {
        // A page that never mentions the id cannot use it; only those that might are parsed.
        if (json == null || !json.contains(Long.toString(id))) {
            return false;
        }
        PageContent content = codec.read(json);
        for (List<Block> blocks : content.slots().values()) {
            for (Block block : blocks) {
                var blockType = blockTypes.find(block.type());
                if (blockType.isPresent() && uses(blockType.map(BlockType::fields).get(), block.value(), type, id)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean uses(Map<String, FieldSpec> specs, Object value, FieldType type, long id) {
        if (!(value instanceof Map<?, ?> values)) {
            return false;
        }
        for (Map.Entry<String, FieldSpec> field : specs.entrySet()) {
            Object v = values.get(field.getKey());
            FieldSpec spec = field.getValue();
            if (spec.type() == type && v instanceof Number n && n.longValue() == id) {
                return true;
            }
            if (spec.type() == FieldType.LIST && v instanceof List<?> items) {
                for (Object item : items) {
                    if (uses(spec.fields(), item, type, id)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
