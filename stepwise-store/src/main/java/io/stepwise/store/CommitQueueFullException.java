package io.stepwise.store;

/**
 * The group committer's queue is full: the store takes writes more slowly than they come. Nothing
 * was queued; the caller may try again later (the API answers ThrottlingException).
 */
public final class CommitQueueFullException extends RuntimeException {
  public CommitQueueFullException(int capacity) {
    super("The commit queue is full (" + capacity + " writes waiting for the store): try again later");
  }
}
