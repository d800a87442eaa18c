package io.stepwise.integrations.messaging;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * What reached a local SNS topic or EventBridge bus, kept in order so that it can be read back
 * ({@code stepwise messages}): each message or event as JSON, with its id and time.
 */
public final class Published {
  public static final String TOPIC = "topic";
  public static final String BUS = "bus";

  /** One message or event. */
  public record Entry(long seq, String kind, String target, String id, long at, String body) {}

  private Published() {}

  /** Keeps one entry; returns its place in the order. */
  public static long add(java.sql.Connection c, String kind, String target, String id, long at, String body) throws java.sql.SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO published (kind, target, id, at, body) VALUES (?, ?, ?, ?, ?)",
        java.sql.Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, kind);
      s.setString(2, target);
      s.setString(3, id);
      s.setLong(4, at);
      s.setString(5, body);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /**
   * The entries after {@code afterSeq}, oldest first.
   *
   * @param kind {@link #TOPIC}, {@link #BUS}, or null for both
   * @param target a topic's ARN or a bus's name, or null for all
   */
  public static List<Entry> read(MessagingDb db, String kind, String target, long afterSeq, int limit) {
    return db.run(c -> {
      List<Entry> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT seq, kind, target, id, at, body FROM published WHERE seq > ?"
          + " AND (? IS NULL OR kind = ?) AND (? IS NULL OR target = ?) ORDER BY seq LIMIT ?")) {
        s.setLong(1, afterSeq);
        s.setString(2, kind);
        s.setString(3, kind);
        s.setString(4, target);
        s.setString(5, target);
        s.setInt(6, limit);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
          }
        }
      }
      return out;
    });
  }
}
