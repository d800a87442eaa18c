package io.stepwise.store;

/**
 * The store could not do what was asked (the disk is full, the file is read-only, an I/O error):
 * a fault of the store, not of what was written. A commit that throws it stored nothing of its
 * batch; what was committed before stays as it was.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
