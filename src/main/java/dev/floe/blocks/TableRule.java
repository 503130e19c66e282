package dev.floe.blocks;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A table is rectangular: every row has as many cells as the header row, or as the first row when there is none.
 * It checks the platform's shape (a list header, rows as lists of cells); a site that declares its own {@code table}
 * with another shape is left to its own field validation.
 */
@Component
class TableRule implements BlockRule {

    @Override
    public String blockType() {
        return "table";
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> value, Map<String, Object> sent, Report report) {
        Object headerValue = value.get("header");
        Object rowsValue = value.get("rows");
        boolean platformShape = (headerValue == null || headerValue instanceof List<?>)
                && (rowsValue == null || rowsValue instanceof List<?> list && list.stream().allMatch(row -> row instanceof List<?>));
        if (!platformShape) {
            return value;
        }
        List<?> header = (List<?>) headerValue;
        List<?> rows = rowsValue == null ? List.of() : (List<?>) rowsValue;
        int columns = header != null ? header.size() : rows.isEmpty() ? 0 : ((List<?>) rows.getFirst()).size();
        if (columns == 0) {
            report.problem("rows", "a table needs at least one column");
            return value;
        }
        for (int i = 0; i < rows.size(); i++) {
            int cells = ((List<?>) rows.get(i)).size();
            if (cells != columns) {
                report.problem("rows[" + i + "]", "has " + cells + " cell" + (cells == 1 ? "" : "s") + "; every row needs "
                        + columns + (header != null ? ", as many as the header row" : ", as many as the first row"));
            }
        }
        return value;
    }
}
