package dev.floe.blocks;

import java.util.Map;

/** One block placed in a slot: its type and its validated value. */
public record Block(String type, Map<String, Object> value) {
}
