package io.stepwise.integrations.messaging;

import io.stepwise.integrations.IntegrationContext;
import io.stepwise.integrations.sqs.LocalQueues;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The local queues, topics and buses of one data directory, shared by the SQS, SNS and EventBridge
 * integrations (topics and rules deliver to queues): one {@link MessagingDb}, opened by the first
 * of them and closed with the last ({@link #acquire}, {@link #release}).
 */
public final class LocalMessaging {
  private static final Map<Object, LocalMessaging> OPEN = new HashMap<>();

  private final Object key;
  private final MessagingDb db;
  private final LocalQueues queues;
  private final IntegrationContext context;
  private int users;

  private LocalMessaging(Object key, MessagingDb db, IntegrationContext context) {
    this.key = key;
    this.db = db;
    this.context = context;
    this.queues = new LocalQueues(db, context.clock(), context.region(), context.account());
  }

  /** The messaging of the context's data directory (in memory, one per context, without one). */
  public static synchronized LocalMessaging acquire(IntegrationContext context) {
    Object key = context.dataDir() == null ? new Identity(context) : context.dataDir().toAbsolutePath().normalize();
    LocalMessaging m = OPEN.get(key);
    if (m == null) {
      m = new LocalMessaging(key, MessagingDb.open(context.dataDir()), context);
      OPEN.put(key, m);
    }
    m.users++;
    return m;
  }

  public void release() {
    synchronized (LocalMessaging.class) {
      if (--users == 0) {
        OPEN.remove(key);
        db.close();
      }
    }
  }

  public MessagingDb db() {
    return db;
  }

  public LocalQueues queues() {
    return queues;
  }

  public IntegrationContext context() {
    return context;
  }

  /** For the log: where they are kept. */
  public String where() {
    Path f = db.file();
    return f == null ? "in memory" : "in " + f;
  }

  /** A context without a data directory, by identity: two servers in one JVM keep apart. */
  private record Identity(IntegrationContext context) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.context == context;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(context);
    }
  }
}
