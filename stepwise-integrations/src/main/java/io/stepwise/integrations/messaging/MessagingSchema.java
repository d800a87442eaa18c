package io.stepwise.integrations.messaging;

import java.util.List;

/** The tables of {@code messaging.db}. */
final class MessagingSchema {
  private MessagingSchema() {}

  static final List<String> V1 = List.of(
      // SQS: a queue, its attributes as JSON, and its messages
      """
      CREATE TABLE queues (name TEXT PRIMARY KEY, created INTEGER NOT NULL, modified INTEGER NOT NULL,
        attributes TEXT NOT NULL, tags TEXT NOT NULL)""",
      """
      CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, id TEXT NOT NULL,
        body TEXT NOT NULL, attributes TEXT, system_attributes TEXT, md5_body TEXT NOT NULL, md5_attributes TEXT,
        sent INTEGER NOT NULL, visible_at INTEGER NOT NULL, receive_count INTEGER NOT NULL DEFAULT 0,
        first_received INTEGER, receipt TEXT, group_id TEXT, dedup_id TEXT, sequence_number TEXT, sender TEXT)""",
      "CREATE INDEX messages_by_queue ON messages (queue, visible_at, seq)",
      "CREATE UNIQUE INDEX messages_by_receipt ON messages (receipt)",
      // FIFO queues' deduplication ids, kept five minutes
      "CREATE TABLE dedup (queue TEXT NOT NULL, dedup_id TEXT NOT NULL, message_id TEXT NOT NULL, sequence_number TEXT, until INTEGER NOT NULL, PRIMARY KEY (queue, dedup_id))",
      // SNS: topics and their subscriptions to local queues
      "CREATE TABLE topics (arn TEXT PRIMARY KEY, name TEXT NOT NULL, created INTEGER NOT NULL, attributes TEXT NOT NULL)",
      """
      CREATE TABLE subscriptions (arn TEXT PRIMARY KEY, topic TEXT NOT NULL, protocol TEXT NOT NULL, endpoint TEXT NOT NULL,
        raw INTEGER NOT NULL DEFAULT 0, filter_policy TEXT)""",
      // EventBridge: buses, rules and their targets
      "CREATE TABLE buses (name TEXT PRIMARY KEY, created INTEGER NOT NULL)",
      """
      CREATE TABLE rules (bus TEXT NOT NULL, name TEXT NOT NULL, pattern TEXT, state TEXT NOT NULL, description TEXT,
        PRIMARY KEY (bus, name))""",
      """
      CREATE TABLE targets (bus TEXT NOT NULL, rule TEXT NOT NULL, id TEXT NOT NULL, arn TEXT NOT NULL, input TEXT,
        input_path TEXT, PRIMARY KEY (bus, rule, id))""",
      // what reached a topic or a bus, for `stepwise messages`
      """
      CREATE TABLE published (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, target TEXT NOT NULL,
        id TEXT NOT NULL, at INTEGER NOT NULL, body TEXT NOT NULL)""",
      "CREATE INDEX published_by_target ON published (kind, target, seq)");
}
