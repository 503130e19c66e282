package dev.floe.ops;

import java.util.List;

/**
 * What {@code floe migrate FEATURE VERSION} does: the feature's applied changes above VERSION reversed, newest first,
 * then its pending changes up to VERSION applied.
 */
record FeatureMigration(String feature, int target, List<Reversal> reversals, List<String> applies, String applySql) {

    /** One change to reverse and the SQL that does it, ending with its removal from the changelog table. */
    record Reversal(String changeId, List<String> sql) {
    }

    boolean isEmpty() {
        return reversals.isEmpty() && applies.isEmpty();
    }

    /** The SQL to run, in order, as {@code --plan} prints it. */
    String sql() {
        StringBuilder out = new StringBuilder();
        for (Reversal reversal : reversals) {
            out.append("-- Reverse ").append(reversal.changeId()).append('\n');
            for (String statement : reversal.sql()) {
                out.append(statement).append(";\n");
            }
        }
        if (!applies.isEmpty()) {
            out.append("-- Apply ").append(String.join(", ", applies)).append('\n').append(applySql);
        }
        return out.toString();
    }

    static String version(int version) {
        return version == 0 ? "zero" : String.format("%04d", version);
    }
}
