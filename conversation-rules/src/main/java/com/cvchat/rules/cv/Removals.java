package com.cvchat.rules.cv;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * How removals apply to document data, the one rule of the CV builder's merge and of the offline model (which says
 * what is left): in the list at {@code section}, every entry that {@code match} names goes — a list item object when
 * its company, title, institution, degree or name equals it, a text item when it equals it (case, spacing and
 * punctuation at the ends aside). A text field at {@code section} is emptied when it holds exactly {@code match}.
 * Anything else, an unknown section, or a match that names nothing, changes nothing.
 */
public final class Removals {

    private static final List<String> NAME_FIELDS = List.of("company", "title", "institution", "degree", "name");

    private Removals() {
    }

    /** A copy of {@code data} without the entries of {@code removals} ({@code data} does not change). */
    public static ObjectNode apply(JsonNode data, List<Removal> removals) {
        ObjectNode result = data.isObject() ? ((ObjectNode) data).deepCopy() : JsonNodeFactory.instance.objectNode();
        for (Removal removal : removals) {
            remove(result, removal);
        }
        return result;
    }

    /** Whether {@code entry} (a list item of any section) is the one {@code match} names. */
    public static boolean names(JsonNode entry, String match) {
        String wanted = normalized(match);
        if (entry.isString()) {
            return normalized(entry.asString()).equals(wanted);
        }
        return NAME_FIELDS.stream().anyMatch(field -> entry.path(field).isString()
                && !entry.path(field).asString().isBlank() && normalized(entry.path(field).asString()).equals(wanted));
    }

    private static void remove(ObjectNode data, Removal removal) {
        String[] path = removal.section().split("/");
        JsonNode parent = data;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.path(path[i]);
        }
        if (!(parent instanceof ObjectNode owner)) {
            return;
        }
        String field = path[path.length - 1];
        JsonNode target = owner.get(field);
        if (target instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (names(list.get(i), removal.match())) {
                    list.remove(i);
                }
            }
        } else if (target != null && target.isString() && normalized(target.asString()).equals(normalized(removal.match()))) {
            owner.put(field, "");
        }
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "").replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
