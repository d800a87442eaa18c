package io.stepwise.store;

/** A page token this listing did not hand out (the API answers InvalidToken). */
public final class InvalidPageTokenException extends IllegalArgumentException {
  public InvalidPageTokenException(String token) {
    super("Invalid page token: '" + token + "' was not handed out by this listing");
  }
}
