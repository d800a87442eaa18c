package io.stepwise.server.registry;

import io.stepwise.server.model.Tag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The registry in memory, for tests and for a server that need not outlive its process. Readers
 * share a read lock; a writer holds the write lock for its whole transaction, which serialises
 * writes (they are short: a few map operations each). A transaction writes in place and keeps an
 * undo log, replayed backwards if its work throws, so a failed operation leaves nothing behind.
 */
public final class InMemoryRegistry implements Registry {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final NavigableMap<String, StateMachineRecord> stateMachines = new TreeMap<>();
  private final Map<String, VersionRecord> versions = new HashMap<>();
  private final Map<String, AliasRecord> aliases = new LinkedHashMap<>();
  private final NavigableMap<String, ActivityRecord> activities = new TreeMap<>();
  private final Map<String, List<Tag>> tags = new HashMap<>();

  @Override
  public <T> T read(Function<RegistryView, T> work) {
    lock.readLock().lock();
    try {
      return work.apply(new View());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public <T> T write(Function<RegistryTransaction, T> work) {
    lock.writeLock().lock();
    try {
      Tx tx = new Tx();
      try {
        return work.apply(tx);
      } catch (RuntimeException | Error e) {
        tx.undo();
        throw e;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private class View implements RegistryView {
    @Override
    public Optional<StateMachineRecord> stateMachine(String arn) {
      return Optional.ofNullable(stateMachines.get(arn));
    }

    @Override
    public List<StateMachineRecord> stateMachines(String afterArn, int limit) {
      return page(stateMachines, afterArn, limit);
    }

    @Override
    public Optional<VersionRecord> version(String arn) {
      return Optional.ofNullable(versions.get(arn));
    }

    @Override
    public List<VersionRecord> versions(String stateMachineArn) {
      return versions.values().stream()
          .filter(v -> v.stateMachineArn().equals(stateMachineArn))
          .sorted(Comparator.comparingInt(VersionRecord::number).reversed())
          .toList();
    }

    @Override
    public Optional<AliasRecord> alias(String arn) {
      return Optional.ofNullable(aliases.get(arn));
    }

    @Override
    public List<AliasRecord> aliases(String stateMachineArn) {
      // insertion order is creation order: an alias is put again only when it is updated,
      // which keeps its place in a LinkedHashMap
      return aliases.values().stream().filter(a -> a.stateMachineArn().equals(stateMachineArn)).toList();
    }

    @Override
    public Optional<ActivityRecord> activity(String arn) {
      return Optional.ofNullable(activities.get(arn));
    }

    @Override
    public List<ActivityRecord> activities(String afterArn, int limit) {
      return page(activities, afterArn, limit);
    }

    @Override
    public List<Tag> tags(String resourceArn) {
      return tags.getOrDefault(resourceArn, List.of());
    }

    private static <T> List<T> page(NavigableMap<String, T> map, String afterArn, int limit) {
      var tail = afterArn == null ? map : map.tailMap(afterArn, false);
      List<T> out = new ArrayList<>(Math.min(limit, tail.size()));
      for (T t : tail.values()) {
        if (out.size() == limit) {
          break;
        }
        out.add(t);
      }
      return out;
    }
  }

  private final class Tx extends View implements RegistryTransaction {
    private final Deque<Runnable> undo = new ArrayDeque<>();

    void undo() {
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
    }

    private <V> void put(Map<String, V> map, String key, V value) {
      V before = value == null ? map.remove(key) : map.put(key, value);
      undo.push(() -> {
        if (before == null) {
          map.remove(key);
        } else {
          map.put(key, before);
        }
      });
    }

    @Override
    public void putStateMachine(StateMachineRecord record) {
      put(stateMachines, record.arn(), record);
    }

    @Override
    public void deleteStateMachine(String arn) {
      put(stateMachines, arn, null);
    }

    @Override
    public void putVersion(VersionRecord record) {
      put(versions, record.arn(), record);
    }

    @Override
    public void deleteVersion(String arn) {
      put(versions, arn, null);
    }

    @Override
    public void putAlias(AliasRecord record) {
      put(aliases, record.arn(), record);
    }

    @Override
    public void deleteAlias(String arn) {
      put(aliases, arn, null);
    }

    @Override
    public void putActivity(ActivityRecord record) {
      put(activities, record.arn(), record);
    }

    @Override
    public void deleteActivity(String arn) {
      put(activities, arn, null);
    }

    @Override
    public void putTags(String resourceArn, List<Tag> list) {
      put(tags, resourceArn, list.isEmpty() ? null : List.copyOf(list));
    }
  }
}
