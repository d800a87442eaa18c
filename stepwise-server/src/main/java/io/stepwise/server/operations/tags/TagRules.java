package io.stepwise.server.operations.tags;

import io.stepwise.server.model.Tag;
import io.stepwise.server.operations.Errors;
import io.stepwise.server.operations.Shapes;
import io.stepwise.server.protocol.ApiException;
import io.stepwise.server.protocol.JsonInput;
import io.stepwise.server.protocol.JsonOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS's rules for tags: at most 50 per resource, keys unique (a later value replaces an earlier
 * one in place), no key starting with the reserved {@code aws:}, and keys and values made of
 * Unicode letters, digits, white space and {@code _ . : / = + - @}.
 */
public final class TagRules {
  public static final int MAX_TAGS = 50;
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private TagRules() {}

  /** A TagList member; null when absent. A tag without a value has the empty value. */
  public static List<Tag> read(JsonInput in, String member, boolean required) {
    return in.list(member, Shapes.TAG_LIST, required, t -> {
      String key = t.string("key", Shapes.TAG_KEY, true);
      String value = t.string("value", Shapes.TAG_VALUE, false);
      return new Tag(key, value == null ? "" : value);
    });
  }

  public static void write(List<Tag> tags, JsonOutput out) {
    out.list("tags", tags, (t, o) -> o.string("key", t.key()).string("value", t.value()));
  }

  /** {@code existing} with {@code added} set over it; TooManyTags past 50, ValidationException for a bad tag. */
  public static List<Tag> merge(String resourceArn, List<Tag> existing, List<Tag> added) {
    Map<String, String> merged = new LinkedHashMap<>();
    existing.forEach(t -> merged.put(t.key(), t.value()));
    for (Tag t : added) {
      check(t);
      merged.put(t.key(), t.value());
    }
    if (merged.size() > MAX_TAGS) {
      throw ApiException.client("TooManyTags",
          "Too many tags: a resource may have at most " + MAX_TAGS + ", and this one would have " + merged.size(),
          "resourceName", resourceArn);
    }
    List<Tag> out = new ArrayList<>(merged.size());
    merged.forEach((k, v) -> out.add(new Tag(k, v)));
    return out;
  }

  private static void check(Tag t) {
    if (t.key().regionMatches(true, 0, "aws:", 0, 4)) {
      throw Errors.validation("Tag keys may not start with the reserved prefix 'aws:': '" + t.key() + "'");
    }
    if (!ALLOWED.matcher(t.key()).matches() || !ALLOWED.matcher(t.value()).matches()) {
      throw Errors.validation("Tags may only contain Unicode letters, digits, white space, or these symbols: _ . : / = + - @ ("
          + "key '" + t.key() + "')");
    }
  }
}
