package io.stepwise.integrations.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.api.ApiError;
import io.stepwise.integrations.messaging.EventPattern;
import io.stepwise.integrations.messaging.MessagingDb;
import io.stepwise.integrations.messaging.Published;
import io.stepwise.integrations.messaging.SdkMetadata;
import io.stepwise.integrations.messaging.ServiceAnswer;
import io.stepwise.integrations.messaging.ServiceError;
import io.stepwise.integrations.sqs.LocalQueues;
import io.stepwise.integrations.sqs.QueueMessages;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Local EventBridge: the {@code default} bus and those created, their rules (event patterns,
 * {@link EventPattern}) and targets. An event put on a bus is kept ({@code stepwise messages --bus})
 * and, for each enabled rule it matches, sent to each target that is a local SQS queue: the whole
 * event as JSON, or the target's Input, or the part its InputPath names. Other targets are kept
 * and not called.
 */
final class LocalBuses implements EventBridgeBackend {
  static final String DEFAULT = "default";
  private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");
  private static final Pattern RULE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");

  private final MessagingDb db;
  private final LocalQueues queues;
  private final InstantSource clock;
  private final String region;
  private final String account;

  LocalBuses(MessagingDb db, LocalQueues queues, InstantSource clock, String region, String account) {
    this.db = db;
    this.queues = queues;
    this.clock = clock;
    this.region = region;
    this.account = account;
  }

  String busArn(String name) {
    return "arn:aws:events:" + region + ":" + account + ":event-bus/" + name;
  }

  String ruleArn(String bus, String rule) {
    return "arn:aws:events:" + region + ":" + account + ":rule/" + (bus.equals(DEFAULT) ? "" : bus + "/") + rule;
  }

  /** A bus given by name or ARN. */
  static String busName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isEmpty()) {
      return DEFAULT;
    }
    int at = nameOrArn.indexOf(":event-bus/");
    return nameOrArn.startsWith("arn:") && at > 0 ? nameOrArn.substring(at + ":event-bus/".length()) : nameOrArn;
  }

  boolean exists(Connection c, String bus) throws SQLException {
    if (bus.equals(DEFAULT)) {
      return true;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM buses WHERE name = ?")) {
      s.setString(1, bus);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  ObjectNode createBus(String name) {
    if (name == null || !BUS_NAME.matcher(name).matches()) {
      throw EventBridgeErrors.validation("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+");
    }
    db.run(c -> {
      if (exists(c, name)) {
        throw EventBridgeErrors.exists("Event bus " + name + " already exists.");
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO buses (name, created) VALUES (?, ?)")) {
        s.setString(1, name);
        s.setLong(2, clock.millis());
        s.executeUpdate();
      }
      return null;
    });
    return Json.NODES.objectNode().put("EventBusArn", busArn(name));
  }

  ObjectNode deleteBus(String name) {
    if (DEFAULT.equals(name)) {
      throw EventBridgeErrors.validation("Cannot delete event bus default.");
    }
    db.run(c -> {
      for (String sql : List.of("DELETE FROM targets WHERE bus = ?", "DELETE FROM rules WHERE bus = ?", "DELETE FROM buses WHERE name = ?")) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setString(1, name);
          s.executeUpdate();
        }
      }
      return null;
    });
    return Json.NODES.objectNode();
  }

  ObjectNode describeBus(String name) {
    String bus = busName(name);
    db.run(c -> {
      if (!exists(c, bus)) {
        throw EventBridgeErrors.notFound("Event bus " + bus + " does not exist.");
      }
      return null;
    });
    return Json.NODES.objectNode().put("Name", bus).put("Arn", busArn(bus));
  }

  ObjectNode listBuses(String prefix) {
    List<String> names = db.run(c -> {
      List<String> out = new ArrayList<>(List.of(DEFAULT));
      try (PreparedStatement s = c.prepareStatement("SELECT name FROM buses ORDER BY name"); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
    ObjectNode out = Json.NODES.objectNode();
    ArrayNode buses = out.putArray("EventBuses");
    names.stream().filter(n -> prefix == null || n.startsWith(prefix)).forEach(n -> buses.addObject().put("Name", n).put("Arn", busArn(n)));
    return out;
  }

  ObjectNode putRule(JsonNode in) {
    String name = in.path("Name").asText(null);
    if (name == null || !RULE_NAME.matcher(name).matches()) {
      throw EventBridgeErrors.validation("1 validation error detected: Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
    }
    String bus = busName(in.path("EventBusName").asText(null));
    String pattern = in.path("EventPattern").asText(null);
    if (pattern == null && !in.hasNonNull("ScheduleExpression")) {
      throw EventBridgeErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
    }
    if (pattern != null) {
      try {
        if (!Json.parse(pattern).isObject()) {
          throw EventBridgeErrors.badPattern("Filter is not an object");
        }
      } catch (JsonProcessingException e) {
        throw EventBridgeErrors.badPattern(e.getOriginalMessage());
      }
    }
    String state = in.path("State").asText("ENABLED");
    db.run(c -> {
      if (!exists(c, bus)) {
        throw EventBridgeErrors.notFound("Event bus " + bus + " does not exist.");
      }
      try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO rules (bus, name, pattern, state, description) VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, bus);
        s.setString(2, name);
        s.setString(3, pattern);
        s.setString(4, state);
        s.setString(5, in.path("Description").asText(null));
        s.executeUpdate();
      }
      return null;
    });
    return Json.NODES.objectNode().put("RuleArn", ruleArn(bus, name));
  }

  private ObjectNode rule(ResultSet rs, String bus) throws SQLException {
    ObjectNode r = Json.NODES.objectNode();
    r.put("Name", rs.getString("name"));
    r.put("Arn", ruleArn(bus, rs.getString("name")));
    if (rs.getString("pattern") != null) {
      r.put("EventPattern", rs.getString("pattern"));
    }
    r.put("State", rs.getString("state"));
    if (rs.getString("description") != null) {
      r.put("Description", rs.getString("description"));
    }
    r.put("EventBusName", bus);
    return r;
  }

  ObjectNode describeRule(JsonNode in) {
    String bus = busName(in.path("EventBusName").asText(null));
    String name = in.path("Name").asText(null);
    return db.run(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM rules WHERE bus = ? AND name = ?")) {
        s.setString(1, bus);
        s.setString(2, name);
        try (ResultSet rs = s.executeQuery()) {
          if (!rs.next()) {
            throw EventBridgeErrors.notFound("Rule " + name + " does not exist on EventBus " + bus + ".");
          }
          return rule(rs, bus).put("CreatedBy", account);
        }
      }
    });
  }

  ObjectNode listRules(JsonNode in) {
    String bus = busName(in.path("EventBusName").asText(null));
    String prefix = in.path("NamePrefix").asText("");
    return db.run(c -> {
      ObjectNode out = Json.NODES.objectNode();
      ArrayNode rules = out.putArray("Rules");
      try (PreparedStatement s = c.prepareStatement("SELECT * FROM rules WHERE bus = ? ORDER BY name")) {
        s.setString(1, bus);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            if (rs.getString("name").startsWith(prefix)) {
              rules.add(rule(rs, bus));
            }
          }
        }
      }
      return out;
    });
  }

  ObjectNode deleteRule(JsonNode in) {
    String bus = busName(in.path("EventBusName").asText(null));
    String name = in.path("Name").asText(null);
    db.run(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM targets WHERE bus = ? AND rule = ?")) {
        s.setString(1, bus);
        s.setString(2, name);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            throw EventBridgeErrors.validation("Rule can't be deleted since it has targets.");
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM rules WHERE bus = ? AND name = ?")) {
        s.setString(1, bus);
        s.setString(2, name);
        s.executeUpdate();
      }
      return null;
    });
    return Json.NODES.objectNode();
  }

  ObjectNode putTargets(JsonNode in) {
    String bus = busName(in.path("EventBusName").asText(null));
    String rule = in.path("Rule").asText(null);
    db.run(c -> {
      requireRule(c, bus, rule);
      for (JsonNode t : in.path("Targets")) {
        try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO targets (bus, rule, id, arn, input, input_path) VALUES (?, ?, ?, ?, ?, ?)")) {
          s.setString(1, bus);
          s.setString(2, rule);
          s.setString(3, t.path("Id").asText());
          s.setString(4, t.path("Arn").asText());
          s.setString(5, t.path("Input").asText(null));
          s.setString(6, t.path("InputPath").asText(null));
          s.executeUpdate();
        }
      }
      return null;
    });
    ObjectNode out = Json.NODES.objectNode().put("FailedEntryCount", 0);
    out.putArray("FailedEntries");
    return out;
  }

  ObjectNode removeTargets(JsonNode in) {
    String bus = busName(in.path("EventBusName").asText(null));
    String rule = in.path("Rule").asText(null);
    db.run(c -> {
      requireRule(c, bus, rule);
      for (JsonNode id : in.path("Ids")) {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM targets WHERE bus = ? AND rule = ? AND id = ?")) {
          s.setString(1, bus);
          s.setString(2, rule);
          s.setString(3, id.asText());
          s.executeUpdate();
        }
      }
      return null;
    });
    ObjectNode out = Json.NODES.objectNode().put("FailedEntryCount", 0);
    out.putArray("FailedEntries");
    return out;
  }

  ObjectNode listTargets(JsonNode in) {
    String bus = busName(in.path("EventBusName").asText(null));
    String rule = in.path("Rule").asText(null);
    return db.run(c -> {
      requireRule(c, bus, rule);
      ObjectNode out = Json.NODES.objectNode();
      ArrayNode targets = out.putArray("Targets");
      try (PreparedStatement s = c.prepareStatement("SELECT id, arn, input, input_path FROM targets WHERE bus = ? AND rule = ? ORDER BY id")) {
        s.setString(1, bus);
        s.setString(2, rule);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            ObjectNode t = targets.addObject().put("Id", rs.getString(1)).put("Arn", rs.getString(2));
            if (rs.getString(3) != null) {
              t.put("Input", rs.getString(3));
            }
            if (rs.getString(4) != null) {
              t.put("InputPath", rs.getString(4));
            }
          }
        }
      }
      return out;
    });
  }

  private static void requireRule(Connection c, String bus, String rule) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM rules WHERE bus = ? AND name = ?")) {
      s.setString(1, bus);
      s.setString(2, rule);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw EventBridgeErrors.notFound("Rule " + rule + " does not exist on EventBus " + bus + ".");
        }
      }
    }
  }

  /** PutEvents through the API. */
  ObjectNode putEventsApi(JsonNode in) {
    return put(in);
  }

  @Override
  public ServiceAnswer putEvents(JsonNode request) {
    String requestId = UUID.randomUUID().toString();
    try {
      ObjectNode body = put(request);
      int length = Json.write(body).getBytes(StandardCharsets.UTF_8).length;
      return new ServiceAnswer(body, 200, SdkMetadata.localHeaders(requestId, clock.instant(), "application/x-amz-json-1.1", length), requestId);
    } catch (ApiError e) {
      String shape = e.type().contains("#") ? e.type().substring(e.type().indexOf('#') + 1) : e.type();
      throw new ServiceError(e.status(), shape, shape, e.getMessage(), requestId);
    }
  }

  private ObjectNode put(JsonNode in) {
    JsonNode entries = in.path("Entries");
    if (!entries.isArray() || entries.isEmpty() || entries.size() > 10) {
      throw EventBridgeErrors.validation("1 validation error detected: Value '" + (entries.isArray() ? entries.size() + " entries" : "null")
          + "' at 'entries' failed to satisfy constraint: Member must have length " + (entries.isArray() && entries.size() > 10
              ? "less than or equal to 10" : "greater than or equal to 1"));
    }
    List<QueueDelivery> deliveries = new ArrayList<>();
    ObjectNode out = db.run(c -> {
      ObjectNode answer = Json.NODES.objectNode();
      int failed = 0;
      ArrayNode results = Json.NODES.arrayNode();
      for (JsonNode e : entries) {
        ObjectNode r = results.addObject();
        String problem = problem(e);
        String bus = busName(e.path("EventBusName").asText(null));
        if (problem == null && !exists(c, bus)) {
          r.put("ErrorCode", "ResourceNotFoundException").put("ErrorMessage", "Event bus " + bus + " does not exist.");
          failed++;
          continue;
        }
        if (problem != null) {
          r.put("ErrorCode", problem.startsWith("Detail") ? "MalformedDetail" : "InvalidArgument").put("ErrorMessage", problem);
          failed++;
          continue;
        }
        String id = UUID.randomUUID().toString();
        ObjectNode event = event(e, id);
        Published.add(c, Published.BUS, bus, id, clock.millis(), Json.write(event));
        deliveries.addAll(matching(c, bus, event));
        r.put("EventId", id);
      }
      answer.put("FailedEntryCount", failed);
      answer.set("Entries", results);
      return answer;
    });
    for (QueueDelivery d : deliveries) {
      try {
        queues.send(d.queue(), QueueMessages.plain(d.body()));
      } catch (ApiError gone) {
        // a target queue deleted since its rule was made: EventBridge would retry, then drop it
      }
    }
    return out;
  }

  private static String problem(JsonNode e) {
    for (String field : List.of("Source", "DetailType", "Detail")) {
      if (!e.hasNonNull(field) || e.get(field).asText().isEmpty()) {
        return "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.";
      }
    }
    try {
      if (!Json.parse(e.get("Detail").asText()).isObject()) {
        return "Detail is malformed.";
      }
    } catch (JsonProcessingException bad) {
      return "Detail is malformed.";
    }
    return null;
  }

  /** The event as EventBridge hands it to rules and targets. */
  private ObjectNode event(JsonNode e, String id) {
    ObjectNode event = Json.NODES.objectNode();
    event.put("version", "0");
    event.put("id", id);
    event.put("detail-type", e.get("DetailType").asText());
    event.put("source", e.get("Source").asText());
    event.put("account", account);
    Instant time = e.hasNonNull("Time") ? Instant.ofEpochSecond(e.get("Time").asLong()) : clock.instant().truncatedTo(ChronoUnit.SECONDS);
    event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", region);
    ArrayNode resources = event.putArray("resources");
    e.path("Resources").forEach(resources::add);
    try {
      event.set("detail", Json.parse(e.get("Detail").asText()));
    } catch (JsonProcessingException unreachable) {
      throw new IllegalStateException(unreachable);
    }
    return event;
  }

  private record QueueDelivery(String queue, String body) {}

  private List<QueueDelivery> matching(Connection c, String bus, ObjectNode event) throws SQLException {
    List<QueueDelivery> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("""
        SELECT r.pattern, t.arn, t.input, t.input_path FROM rules r JOIN targets t ON t.bus = r.bus AND t.rule = r.name
        WHERE r.bus = ? AND r.state = 'ENABLED' AND r.pattern IS NOT NULL ORDER BY r.name, t.id""")) {
      s.setString(1, bus);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          JsonNode pattern = LocalQueues.parse(rs.getString(1));
          String queue = queues.nameOfArn(rs.getString(2));
          if (queue == null || !EventPattern.matches(pattern, event)) {
            continue;
          }
          String body = rs.getString(3) != null ? rs.getString(3) : Json.write(select(event, rs.getString(4)));
          out.add(new QueueDelivery(queue, body));
        }
      }
    }
    return out;
  }

  /** A target's InputPath over the event: {@code $} or a dotted path ({@code $.detail.order}). */
  private static JsonNode select(JsonNode event, String path) {
    if (path == null || path.equals("$")) {
      return event;
    }
    JsonNode n = event;
    for (String part : path.replaceFirst("^\\$\\.?", "").split("\\.")) {
      n = n.path(part);
    }
    return n.isMissingNode() ? Json.NODES.nullNode() : n;
  }
}
