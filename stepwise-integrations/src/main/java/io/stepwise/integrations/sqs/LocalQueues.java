package io.stepwise.integrations.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.asl.json.Json;
import io.stepwise.integrations.messaging.MessagingDb;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Stepwise's own queues, kept in {@link MessagingDb}: what SQS's API ({@link SqsApi}) and the
 * tasks that send to SQS work on, and what local SNS topics and EventBridge rules deliver to.
 * Every change is committed before it returns. A message is visible from its send (plus any
 * delay), hidden for the visibility timeout from each receive, deleted by the latest receipt
 * handle; after the redrive policy's maxReceiveCount receives it moves to the dead-letter queue.
 * A FIFO queue hands out a message group's messages in order, one receive at a time per group.
 * A receive that finds nothing may wait ({@link #receive} with a wait), woken by each change.
 */
public final class LocalQueues {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo");
  private static final long DEDUP_MILLIS = 5 * 60_000;

  /** A queue. */
  public record Queue(String name, long created, long modified, Map<String, String> attributes, Map<String, String> tags) {
    boolean fifo() {
      return "true".equals(attributes.get("FifoQueue"));
    }

    int seconds(String attribute) {
      return Integer.parseInt(attributes.getOrDefault(attribute, QueueAttributes.DEFAULTS.get(attribute)));
    }
  }

  private final MessagingDb db;
  private final InstantSource clock;
  private final String region;
  private final String account;
  private final ReentrantLock signal = new ReentrantLock();
  private final Condition changed = signal.newCondition();
  private long generation;

  public LocalQueues(MessagingDb db, InstantSource clock, String region, String account) {
    this.db = db;
    this.clock = clock;
    this.region = region;
    this.account = account;
  }

  public String account() {
    return account;
  }

  public String arn(String name) {
    return "arn:aws:sqs:" + region + ":" + account + ":" + name;
  }

  /** The queue's name from its ARN in this region and account, or null. */
  public String nameOfArn(String arn) {
    String prefix = "arn:aws:sqs:" + region + ":" + account + ":";
    return arn != null && arn.startsWith(prefix) ? arn.substring(prefix.length()) : null;
  }

  /** CreateQueue: a new queue, or the one of that name when its attributes are the same. */
  public Queue create(String name, Map<String, String> given, Map<String, String> tags) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw SqsErrors.invalidParameter(name != null && name.endsWith(".fifo")
          ? "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length."
          : "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
    }
    Map<String, String> attributes = QueueAttributes.forNewQueue(name, given);
    return db.run(c -> {
      Optional<Queue> existing = find(c, name);
      if (existing.isPresent()) {
        for (Map.Entry<String, String> e : given.entrySet()) {
          if (!e.getValue().equals(existing.get().attributes().get(e.getKey()))) {
            throw SqsErrors.of("QueueNameExists", "QueueAlreadyExists",
                "A queue already exists with the same name and a different value for attribute " + e.getKey());
          }
        }
        return existing.get();
      }
      long now = clock.millis();
      try (PreparedStatement s = c.prepareStatement("INSERT INTO queues (name, created, modified, attributes, tags) VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, name);
        s.setLong(2, now);
        s.setLong(3, now);
        s.setString(4, Json.write(Json.MAPPER.valueToTree(attributes)));
        s.setString(5, Json.write(Json.MAPPER.valueToTree(tags)));
        s.executeUpdate();
      }
      return new Queue(name, now, now, attributes, tags);
    });
  }

  public Optional<Queue> queue(String name) {
    return db.run(c -> find(c, name));
  }

  /** The queue, or QueueDoesNotExist. */
  public Queue existing(String name) {
    return queue(name).orElseThrow(SqsErrors::noQueue);
  }

  /** The names of the queues, in order, that start with the prefix (all for null). */
  public List<String> names(String prefix) {
    return db.run(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT name FROM queues ORDER BY name"); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (prefix == null || rs.getString(1).startsWith(prefix)) {
            out.add(rs.getString(1));
          }
        }
      }
      return out;
    });
  }

  public void delete(String name) {
    db.run(c -> {
      requireQueue(c, name);
      update(c, "DELETE FROM messages WHERE queue = ?", name);
      update(c, "DELETE FROM dedup WHERE queue = ?", name);
      update(c, "DELETE FROM queues WHERE name = ?", name);
      return null;
    });
    wake();
  }

  public void purge(String name) {
    db.run(c -> {
      requireQueue(c, name);
      update(c, "DELETE FROM messages WHERE queue = ?", name);
      return null;
    });
  }

  public void setAttributes(String name, Map<String, String> given) {
    Map<String, String> checked = QueueAttributes.check(given, false);
    db.run(c -> {
      Queue q = requireQueue(c, name);
      Map<String, String> attributes = new LinkedHashMap<>(q.attributes());
      attributes.putAll(checked);
      try (PreparedStatement s = c.prepareStatement("UPDATE queues SET attributes = ?, modified = ? WHERE name = ?")) {
        s.setString(1, Json.write(Json.MAPPER.valueToTree(attributes)));
        s.setLong(2, clock.millis());
        s.setString(3, name);
        s.executeUpdate();
      }
      return null;
    });
    wake();
  }

  /** GetQueueAttributes: the stored attributes and the computed ones (counts, dates, ARN). */
  public Map<String, String> attributes(String name) {
    return db.run(c -> {
      Queue q = requireQueue(c, name);
      long now = clock.millis();
      Map<String, String> out = new LinkedHashMap<>(q.attributes());
      out.put("QueueArn", arn(name));
      out.put("ApproximateNumberOfMessages", Long.toString(count(c, name, "visible_at <= ?", now)));
      out.put("ApproximateNumberOfMessagesNotVisible", Long.toString(count(c, name, "visible_at > ? AND receive_count > 0", now)));
      out.put("ApproximateNumberOfMessagesDelayed", Long.toString(count(c, name, "visible_at > ? AND receive_count = 0", now)));
      out.put("CreatedTimestamp", Long.toString(q.created() / 1000));
      out.put("LastModifiedTimestamp", Long.toString(q.modified() / 1000));
      return out;
    });
  }

  /** SendMessage. */
  public QueueMessage.Sent send(String queue, QueueMessage.Outgoing m) {
    QueueMessage.Sent sent = db.run(c -> insert(c, requireQueue(c, queue), m));
    wake();
    return sent;
  }

  /** SendMessageBatch: each entry sent or refused alone (the refusal is its error); one commit. */
  public List<Object> sendAll(String queue, List<QueueMessage.Outgoing> messages) {
    List<Object> out = db.run(c -> {
      Queue q = requireQueue(c, queue);
      List<Object> results = new ArrayList<>();
      for (QueueMessage.Outgoing m : messages) {
        try {
          results.add(insert(c, q, m));
        } catch (io.stepwise.integrations.api.ApiError e) {
          results.add(e);
        }
      }
      return results;
    });
    wake();
    return out;
  }

  private QueueMessage.Sent insert(Connection c, Queue q, QueueMessage.Outgoing m) throws SQLException {
    MessageChecks.check(q, m);
    long now = clock.millis();
    String md5 = MessageMd5.ofBody(m.body());
    String dedup = null;
    String sequence = null;
    if (q.fifo()) {
      dedup = m.dedupId() != null ? m.dedupId() : md5Sha256(m.body());
      update(c, "DELETE FROM dedup WHERE until < ?", now);
      try (PreparedStatement s = c.prepareStatement("SELECT message_id, sequence_number FROM dedup WHERE queue = ? AND dedup_id = ?")) {
        s.setString(1, q.name());
        s.setString(2, dedup);
        try (ResultSet rs = s.executeQuery()) {
          if (rs.next()) {
            // a duplicate within five minutes: accepted, not queued again
            return new QueueMessage.Sent(rs.getString(1), md5, MessageMd5.ofAttributes(m.attributes()),
                MessageMd5.ofAttributes(m.systemAttributes()), rs.getString(2));
          }
        }
      }
    }
    String id = UUID.randomUUID().toString();
    int delay = m.delaySeconds() != null ? m.delaySeconds() : q.seconds("DelaySeconds");
    long seq;
    try (PreparedStatement s = c.prepareStatement("""
        INSERT INTO messages (queue, id, body, attributes, system_attributes, md5_body, md5_attributes, sent, visible_at, group_id, dedup_id, sender)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", java.sql.Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, q.name());
      s.setString(2, id);
      s.setString(3, m.body());
      s.setString(4, m.attributes() == null || m.attributes().isEmpty() ? null : Json.write(m.attributes()));
      s.setString(5, m.systemAttributes() == null || m.systemAttributes().isEmpty() ? null : Json.write(m.systemAttributes()));
      s.setString(6, md5);
      s.setString(7, MessageMd5.ofAttributes(m.attributes()));
      s.setLong(8, now);
      s.setLong(9, now + delay * 1000L);
      s.setString(10, m.groupId());
      s.setString(11, dedup);
      s.setString(12, account);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        seq = keys.getLong(1);
      }
    }
    if (q.fifo()) {
      sequence = String.format("%020d", seq);
      update(c, "UPDATE messages SET sequence_number = ? WHERE seq = ?", sequence, seq);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO dedup (queue, dedup_id, message_id, sequence_number, until) VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, q.name());
        s.setString(2, dedup);
        s.setString(3, id);
        s.setString(4, sequence);
        s.setLong(5, now + DEDUP_MILLIS);
        s.executeUpdate();
      }
    }
    return new QueueMessage.Sent(id, md5, MessageMd5.ofAttributes(m.attributes()), MessageMd5.ofAttributes(m.systemAttributes()), sequence);
  }

  /**
   * ReceiveMessage: up to {@code max} visible messages, each hidden for the visibility timeout
   * (the queue's when null). With nothing to receive it waits up to {@code waitMillis} for a send,
   * or for a hidden or delayed message to become visible, and tries again.
   */
  public List<QueueMessage.Received> receive(String queue, int max, Integer visibilitySeconds, long waitMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    while (true) {
      long seen;
      signal.lock();
      try {
        seen = generation;
      } finally {
        signal.unlock();
      }
      Attempt a = db.run(c -> attempt(c, requireQueue(c, queue), max, visibilitySeconds));
      long left = deadline - System.nanoTime();
      if (!a.messages().isEmpty() || left <= 0) {
        return a.messages();
      }
      if (a.nextVisible() > 0) {
        left = Math.min(left, TimeUnit.MILLISECONDS.toNanos(Math.max(1, a.nextVisible() - clock.millis())));
      }
      signal.lock();
      try {
        while (generation == seen && left > 0) {
          left = changed.awaitNanos(left);
        }
      } finally {
        signal.unlock();
      }
    }
  }

  private record Attempt(List<QueueMessage.Received> messages, long nextVisible) {}

  private Attempt attempt(Connection c, Queue q, int max, Integer visibilitySeconds) throws SQLException {
    long now = clock.millis();
    update(c, "DELETE FROM messages WHERE queue = ? AND sent < ?", q.name(), now - q.seconds("MessageRetentionPeriod") * 1000L);
    QueueAttributes.Redrive redrive = QueueAttributes.redrivePolicy(q.attributes().get("RedrivePolicy"));
    String deadLetter = redrive == null ? null : nameOfArn(redrive.deadLetterTargetArn());
    if (deadLetter != null && find(c, deadLetter).isEmpty()) {
      deadLetter = null;
    }
    Set<String> blockedGroups = new HashSet<>();
    if (q.fifo()) {
      try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT group_id FROM messages WHERE queue = ? AND visible_at > ? AND receive_count > 0")) {
        s.setString(1, q.name());
        s.setLong(2, now);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            blockedGroups.add(rs.getString(1));
          }
        }
      }
    }
    int hide = visibilitySeconds != null ? visibilitySeconds : q.seconds("VisibilityTimeout");
    List<QueueMessage.Received> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("""
        SELECT seq, id, body, attributes, md5_body, md5_attributes, sent, receive_count, first_received, group_id, dedup_id,
          sequence_number, sender, system_attributes
        FROM messages WHERE queue = ? AND visible_at <= ? ORDER BY seq LIMIT ?""")) {
      s.setString(1, q.name());
      s.setLong(2, now);
      s.setInt(3, q.fifo() ? 10_000 : max + 100);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next() && out.size() < max) {
          long seq = rs.getLong(1);
          String group = rs.getString(10);
          if (q.fifo() && blockedGroups.contains(group)) {
            continue;
          }
          int count = rs.getInt(8);
          if (deadLetter != null && count >= redrive.maxReceiveCount()) {
            update(c, "UPDATE messages SET queue = ?, receive_count = 0, receipt = NULL WHERE seq = ?", deadLetter, seq);
            continue;
          }
          long first = rs.getObject(9) == null ? now : rs.getLong(9);
          String id = rs.getString(2);
          String receipt = ReceiptHandles.create(q.name(), id);
          try (PreparedStatement u = c.prepareStatement(
              "UPDATE messages SET receive_count = ?, first_received = ?, visible_at = ?, receipt = ? WHERE seq = ?")) {
            u.setInt(1, count + 1);
            u.setLong(2, first);
            u.setLong(3, now + hide * 1000L);
            u.setString(4, receipt);
            u.setLong(5, seq);
            u.executeUpdate();
          }
          Map<String, String> system = new LinkedHashMap<>();
          system.put("SenderId", rs.getString(13));
          system.put("SentTimestamp", Long.toString(rs.getLong(7)));
          system.put("ApproximateReceiveCount", Integer.toString(count + 1));
          system.put("ApproximateFirstReceiveTimestamp", Long.toString(first));
          if (q.fifo()) {
            system.put("SequenceNumber", rs.getString(12));
            system.put("MessageDeduplicationId", rs.getString(11));
            system.put("MessageGroupId", group);
          }
          JsonNode systemAttributes = parse(rs.getString(14));
          if (systemAttributes != null && systemAttributes.has("AWSTraceHeader")) {
            system.put("AWSTraceHeader", systemAttributes.get("AWSTraceHeader").path("StringValue").asText());
          }
          out.add(new QueueMessage.Received(id, receipt, rs.getString(3), rs.getString(5), parse(rs.getString(4)), rs.getString(6), system));
        }
      }
    }
    long next = 0;
    if (out.isEmpty()) {
      try (PreparedStatement s = c.prepareStatement("SELECT min(visible_at) FROM messages WHERE queue = ? AND visible_at > ?")) {
        s.setString(1, q.name());
        s.setLong(2, now);
        try (ResultSet rs = s.executeQuery()) {
          next = rs.next() ? rs.getLong(1) : 0;
        }
      }
    }
    return new Attempt(out, next);
  }

  /**
   * DeleteMessage by receipt handle: the message received with it is deleted; a handle of an
   * earlier receive, or of a message already deleted, deletes nothing and is no error (as on SQS).
   */
  public void deleteMessage(String queue, String receiptHandle) {
    if (!ReceiptHandles.wellFormed(receiptHandle)) {
      throw SqsErrors.receiptHandleInvalid(receiptHandle);
    }
    db.run(c -> {
      requireQueue(c, queue);
      update(c, "DELETE FROM messages WHERE queue = ? AND receipt = ?", queue, receiptHandle);
      return null;
    });
    wake();
  }

  /** ChangeMessageVisibility: the message received with the handle, while hidden, is hidden for so long from now. */
  public void changeVisibility(String queue, String receiptHandle, int seconds) {
    if (!ReceiptHandles.wellFormed(receiptHandle)) {
      throw SqsErrors.receiptHandleInvalid(receiptHandle);
    }
    db.run(c -> {
      requireQueue(c, queue);
      long now = clock.millis();
      try (PreparedStatement s = c.prepareStatement("UPDATE messages SET visible_at = ? WHERE queue = ? AND receipt = ? AND visible_at > ?")) {
        s.setLong(1, now + seconds * 1000L);
        s.setString(2, queue);
        s.setString(3, receiptHandle);
        s.setLong(4, now);
        if (s.executeUpdate() == 0) {
          throw SqsErrors.notInflight();
        }
      }
      return null;
    });
    wake();
  }

  private void wake() {
    signal.lock();
    try {
      generation++;
      changed.signalAll();
    } finally {
      signal.unlock();
    }
  }

  private static String md5Sha256(String body) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Queue requireQueue(Connection c, String name) throws SQLException {
    return find(c, name).orElseThrow(SqsErrors::noQueue);
  }

  private static Optional<Queue> find(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT created, modified, attributes, tags FROM queues WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Queue(name, rs.getLong(1), rs.getLong(2), strings(rs.getString(3)), strings(rs.getString(4))));
      }
    }
  }

  private static Map<String, String> strings(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode n = parse(json);
    if (n != null) {
      n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static long count(Connection c, String queue, String where, long now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM messages WHERE queue = ? AND " + where)) {
      s.setString(1, queue);
      s.setLong(2, now);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  public static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Json.parse(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored message's JSON is damaged: " + e.getMessage(), e);
    }
  }

}
