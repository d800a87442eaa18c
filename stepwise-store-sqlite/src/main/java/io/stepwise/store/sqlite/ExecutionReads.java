package io.stepwise.store.sqlite;

import io.stepwise.engine.ChildEnding;
import io.stepwise.engine.ExecutionRecord;
import io.stepwise.engine.ExecutionStatus;
import io.stepwise.engine.ExecutionType;
import io.stepwise.engine.history.HistoryEvent;
import io.stepwise.engine.step.StepInput;
import io.stepwise.store.ExecutionQuery;
import io.stepwise.store.ExecutionRow;
import io.stepwise.store.ExecutionSummary;
import io.stepwise.store.Page;
import io.stepwise.store.PageTokens;
import io.stepwise.store.codec.HistoryText;
import io.stepwise.store.codec.InputCodec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Executions, histories and children's ends, read on the reader connections. */
final class ExecutionReads {
  private static final String ROW = "SELECT arn, name, state_machine_arn, state_machine_name, type, synchronous, payload_limit,"
      + " definition_sha256, version_arn, alias_arn, map_run_arn, role_arn, input, start_date, status, output, error, cause, stop_date,"
      + " event_count, revision, redrive_count, redrive_date, test_case FROM executions WHERE arn = ?";
  private static final String SUMMARY = "SELECT arn, name, state_machine_arn, version_arn, alias_arn, map_run_arn, type, status,"
      + " start_date, stop_date, redrive_count, redrive_date FROM executions";
  /** The chunks of an execution's history, found by its ARN. */
  private static final String CHUNKS = "SELECT first_id, last_id, json FROM event_chunks WHERE execution_id = (SELECT id FROM executions WHERE arn = ?)";

  private final Connections.Readers readers;

  ExecutionReads(Connections.Readers readers) {
    this.readers = readers;
  }

  Optional<ExecutionRow> execution(String arn) {
    return readers.read("read the execution " + arn, r -> {
      PreparedStatement s = r.prepare(ROW);
      s.setString(1, arn);
      try (ResultSet q = s.executeQuery()) {
        if (!q.next()) {
          return Optional.empty();
        }
        ExecutionRecord record = new ExecutionRecord(q.getString(1), q.getString(2), q.getString(3), q.getString(4),
            ExecutionType.valueOf(q.getString(5)), q.getInt(6) != 0, q.getInt(7), q.getString(8), q.getString(24));
        return Optional.of(new ExecutionRow(record, q.getString(9), q.getString(10), q.getString(11), q.getString(12), q.getString(13),
            q.getLong(14), ExecutionStatus.valueOf(q.getString(15)), q.getString(16), q.getString(17), q.getString(18), nullableLong(q, 19),
            q.getLong(20), q.getString(21), q.getInt(22), nullableLong(q, 23)));
      }
    });
  }

  Page<ExecutionSummary> executions(ExecutionQuery query) {
    // the page's upper bound, exclusive: the token's key, or (startedBefore, "") which is below
    // every execution started then, whichever comes first in the order; one row-value bound so that
    // both are a range of the index (SQLite ranges on one of two upper bounds and filters by the other)
    String[] after = query.nextToken() == null ? null : PageTokens.decode("executions", query.nextToken(), 2);
    long afterDate = after == null ? 0 : PageTokens.number(after[0], query.nextToken());
    String afterArn = after == null ? null : after[1];
    if (query.startedBefore() != null && (after == null || query.startedBefore() <= afterDate)) {
      afterDate = query.startedBefore();
      afterArn = "";
    }
    long upperDate = afterDate;
    String upperArn = afterArn;
    String sql = listing(query);
    return readers.read("list executions", r -> {
      PreparedStatement s = r.prepare(sql);
      int i = 1;
      if (query.arn() != null) {
        s.setString(i++, query.arn());
      }
      if (query.startedFrom() != null) {
        s.setLong(i++, query.startedFrom());
      }
      if (upperArn != null) {
        s.setLong(i++, upperDate);
        s.setString(i++, upperArn);
      }
      s.setInt(i, query.limit() + 1);
      List<ExecutionSummary> out = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          out.add(new ExecutionSummary(q.getString(1), q.getString(2), q.getString(3), q.getString(4), q.getString(5), q.getString(6),
              ExecutionType.valueOf(q.getString(7)), ExecutionStatus.valueOf(q.getString(8)), q.getLong(9), nullableLong(q, 10),
              q.getInt(11), nullableLong(q, 12)));
        }
      }
      if (out.size() <= query.limit()) {
        return new Page<>(out, null);
      }
      List<ExecutionSummary> page = out.subList(0, query.limit());
      ExecutionSummary last = page.get(page.size() - 1);
      return new Page<>(page, PageTokens.encode("executions", Long.toString(last.startDate()), last.executionArn()));
    });
  }

  /**
   * The listing's SELECT: each is a range of an index whose leading columns are its equalities,
   * then (start_date DESC, arn DESC): executions_by_state_machine (and _status), _by_version,
   * _by_alias, _by_map_run, and for every machine's executions_by_type_start (and _status), with
   * type = 'STANDARD' (the status indexes hold every status but SUCCEEDED). Its parameters: the
   * ARN, startedFrom, the upper bound's date and ARN, those given.
   */
  static String listing(ExecutionQuery query) {
    String column = switch (query.scope()) {
      case STATE_MACHINE -> "state_machine_arn";
      case VERSION -> "version_arn";
      case ALIAS -> "alias_arn";
      case MAP_RUN -> "map_run_arn";
      case ALL -> null;
    };
    List<String> where = new ArrayList<>();
    if (column != null) {
      where.add(column + " = ?");
    }
    if (!query.includeExpress()) {
      where.add("type = 'STANDARD'");
    }
    if (query.status() != null) {
      // a literal (an enum's name), not a parameter, and the partial status indexes' own term
      // beside it: SQLite uses a partial index only for a query whose WHERE holds its WHERE's terms
      where.add("status = '" + query.status().name() + "'");
      if (query.status() != ExecutionStatus.SUCCEEDED) {
        where.add("status <> 'SUCCEEDED'");
      }
    }
    if (query.startedFrom() != null) {
      where.add("start_date >= ?");
    }
    if (query.startedBefore() != null || query.nextToken() != null) {
      where.add("(start_date, arn) < (?, ?)");
    }
    if (query.redriven() != null) {
      where.add(query.redriven() ? "redrive_count > 0" : "redrive_count = 0");
    }
    // named where two indexes fit: with no statistics SQLite prefers a start_date range over the
    // status equality, and the status would then be a filter over every row of the range
    boolean byStatus = query.status() != null && query.status() != ExecutionStatus.SUCCEEDED;
    String index = switch (query.scope()) {
      case ALL -> query.includeExpress() ? null : byStatus ? "executions_by_type_status" : "executions_by_type_start";
      case STATE_MACHINE -> byStatus ? "executions_by_state_machine_status" : "executions_by_state_machine";
      default -> null;
    };
    return SUMMARY + (index == null ? "" : " INDEXED BY " + index) + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + " ORDER BY start_date DESC, arn DESC LIMIT ?";
  }

  Page<String> running(int limit, String nextToken) {
    long after = nextToken == null ? 0 : PageTokens.number(PageTokens.decode("running", nextToken, 1)[0], nextToken);
    return readers.read("list the running executions", r -> {
      PreparedStatement s = r.prepare("SELECT id, arn FROM executions WHERE status = 'RUNNING' AND id > ? ORDER BY id LIMIT ?");
      s.setLong(1, after);
      s.setInt(2, limit + 1);
      List<String> arns = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          ids.add(q.getLong(1));
          arns.add(q.getString(2));
        }
      }
      if (arns.size() <= limit) {
        return new Page<>(arns, null);
      }
      return new Page<>(arns.subList(0, limit), PageTokens.encode("running", Long.toString(ids.get(limit - 1))));
    });
  }

  /** One count over the partial index of the RUNNING rows. */
  long runningCount() {
    return readers.read("count the running executions", r -> {
      try (ResultSet q = r.prepare("SELECT count(*) FROM executions WHERE status = 'RUNNING'").executeQuery()) {
        return q.next() ? q.getLong(1) : 0L;
      }
    });
  }

  List<HistoryEvent> history(String arn) {
    return readers.read("read the history of " + arn, r -> {
      PreparedStatement s = r.prepare(CHUNKS + " ORDER BY first_id");
      s.setString(1, arn);
      List<String> texts = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          texts.add(q.getString(3));
        }
      }
      return HistoryText.decode(texts);
    });
  }

  /**
   * A page of history: the chunks it spans are read (a chunk holds at most {@link
   * HistoryChunks#MAX_EVENTS} events, so the first one starting in range bounds the key range),
   * parsed, and cut to the page.
   */
  List<HistoryEvent> history(String arn, long afterEventId, int limit, boolean reverse) {
    long before = reverse && afterEventId <= 0 ? Long.MAX_VALUE : afterEventId;
    return readers.read("read the history of " + arn, r -> {
      PreparedStatement s = reverse
          ? r.prepare(CHUNKS + " AND first_id < ? ORDER BY first_id DESC")
          : r.prepare(CHUNKS + " AND first_id > ? AND last_id > ? ORDER BY first_id");
      s.setString(1, arn);
      if (reverse) {
        s.setLong(2, before);
      } else {
        s.setLong(2, afterEventId - HistoryChunks.MAX_EVENTS);
        s.setLong(3, afterEventId);
      }
      List<String> texts = new ArrayList<>();
      long count = 0;
      try (ResultSet q = s.executeQuery()) {
        while (count < limit && q.next()) {
          long first = q.getLong(1);
          long last = q.getLong(2);
          count += reverse ? Math.min(last, before - 1) - first + 1 : last - Math.max(first, afterEventId + 1) + 1;
          texts.add(q.getString(3));
        }
      }
      if (reverse) {
        Collections.reverse(texts);
      }
      List<HistoryEvent> events = HistoryText.decode(texts);
      List<HistoryEvent> page = new ArrayList<>(Math.min(limit, events.size()));
      if (reverse) {
        for (int i = events.size() - 1; i >= 0 && page.size() < limit; i--) {
          if (events.get(i).id() < before) {
            page.add(events.get(i));
          }
        }
      } else {
        for (int i = 0; i < events.size() && page.size() < limit; i++) {
          if (events.get(i).id() > afterEventId) {
            page.add(events.get(i));
          }
        }
      }
      return page;
    });
  }

  List<ChildEnding> childEndings(String arn) {
    return readers.read("read the children's ends of " + arn, r -> {
      PreparedStatement s = r.prepare("SELECT after_events, ended FROM child_endings"
          + " WHERE execution_id = (SELECT id FROM executions WHERE arn = ?) ORDER BY seq");
      s.setString(1, arn);
      List<ChildEnding> out = new ArrayList<>();
      try (ResultSet q = s.executeQuery()) {
        while (q.next()) {
          out.add(new ChildEnding(q.getLong(1), (StepInput.MapRunInput) InputCodec.decode(q.getString(2))));
        }
      }
      return out;
    });
  }

  static Long nullableLong(ResultSet q, int column) throws SQLException {
    long v = q.getLong(column);
    return q.wasNull() ? null : v;
  }
}
