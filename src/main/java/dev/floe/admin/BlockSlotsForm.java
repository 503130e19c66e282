package dev.floe.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import dev.floe.blocks.Block;
import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.ContentValidationException;
import dev.floe.blocks.ValidationProblem;

/**
 * The page editor's block forms for content that is slots of blocks without a page around them (shared content,
 * response pages): the same inputs, reading, problems beside their fields and "add block" fragment as the editor's.
 * {@code accepted} maps each slot's name to the block types it takes.
 */
@Component
class BlockSlotsForm {

    private final BlockTypes blockTypes;
    private final PageEditorView views;

    BlockSlotsForm(BlockTypes blockTypes, PageEditorView views) {
        this.blockTypes = blockTypes;
        this.views = views;
    }

    /** The blocks as submitted. */
    record Sent(PageEditorForm form) {
        void requireReadable() {
            form.requireReadable();
        }

        /** The slot's blocks as a list of {@code {"type", "value"}}, as the content services take them. */
        Object slot(String name) {
            return ((Map<?, ?>) form.input().slots()).get(name);
        }

        Object slots() {
            return form.input().slots();
        }
    }

    Sent read(HttpServletRequest request, Map<String, List<String>> accepted) {
        return new Sent(PageEditorForm.readSlots(request, accepted.keySet(), blockTypes));
    }

    /** The form (its {@code slots}) for stored blocks. */
    Map<String, Object> stored(Map<String, List<String>> accepted, Map<String, List<Block>> content) {
        return views.slotsFromContent(accepted, content);
    }

    /**
     * The form as it was sent, with each problem beside its block's field; problems about other fields (such as a
     * name) go into {@code errors}, and every problem, as a sentence naming its block and field, into {@code summary}.
     */
    Map<String, Object> sentBack(Map<String, List<String>> accepted, HttpServletRequest request, Sent sent,
                                 ContentValidationException refusal, FormErrors errors, List<String> summary) {
        summary.addAll(refusal.problems().stream().map(ValidationProblem::sentence).map(BlockSlotsForm::sentence).toList());
        return views.slotsFromForm(accepted, request, sent.form(), refusal.problems(), errors, new ArrayList<>());
    }

    /** A new, empty block of a type the slot accepts, as the "add block" button inserts it. */
    ModelAndView newBlock(Map<String, List<String>> accepted, String slot, String type) {
        List<String> types = accepted.get(slot);
        if (types == null) {
            return AdminErrors.page(HttpStatus.BAD_REQUEST, "There is no slot '" + slot + "' here.");
        }
        if (!types.contains(type)) {
            return AdminErrors.page(HttpStatus.BAD_REQUEST, "The slot '" + slot + "' takes no '" + type + "' blocks.");
        }
        BlockType blockType = blockTypes.find(type).orElseThrow();
        if (!views.mayEdit(blockType)) {
            return AdminErrors.page(HttpStatus.FORBIDDEN, PageEditorView.refusal(blockType));
        }
        ModelAndView view = new ModelAndView("admin/pages/_block");
        view.addObject("slot", Map.of("name", slot));
        view.addObject("block", views.newBlock(blockType));
        return view;
    }

    private static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }
}
