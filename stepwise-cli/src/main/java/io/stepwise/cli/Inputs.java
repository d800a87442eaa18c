package io.stepwise.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads what the commands take from files: a definition, {@code --input @FILE}, a responses file.
 * Every way that can go wrong is an {@link InputException} whose message names the file and the
 * problem in one line. {@code -} is standard input, which can be read once; a UTF-8 byte-order
 * mark is skipped, as most JSON tools skip it.
 */
final class Inputs {
  /** The name standard input goes by, as a file argument. */
  static final String STDIN = "-";

  private final InputStream stdin;
  private boolean stdinRead;

  Inputs(InputStream stdin) {
    this.stdin = stdin;
  }

  static Inputs fromSystemIn() {
    return new Inputs(System.in);
  }

  /** Literal text, or the contents of {@code @FILE} ({@code @-} or {@code -} for standard input). */
  String textOrFile(String value) {
    if (value == null) {
      return null;
    }
    if (value.equals(STDIN)) {
      return read(STDIN);
    }
    if (value.startsWith("@")) {
      return read(value.substring(1));
    }
    return value;
  }

  /** The text of a file, or of standard input for {@code -}. */
  String read(String name) {
    if (name.equals(STDIN)) {
      if (stdinRead) {
        throw new InputException("standard input: already read for another argument; it can be read once");
      }
      stdinRead = true;
      try {
        return decode("standard input", stdin.readAllBytes());
      } catch (IOException e) {
        throw new InputException("standard input: cannot be read (" + e.getMessage() + ")");
      }
    }
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      throw new InputException(name + ": is a directory, not a file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": no such file");
    } catch (AccessDeniedException e) {
      throw new InputException(name + ": cannot be read (permission denied)");
    } catch (IOException e) {
      throw new InputException(name + ": cannot be read (" + e.getMessage() + ")");
    }
    return decode(name, bytes);
  }

  String read(Path path) {
    return read(path.toString());
  }

  /** Strict UTF-8: the offset of the first bad byte, rather than text with replacement characters. */
  static String decode(String name, byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return decoder.decode(buffer).toString();
    } catch (MalformedInputException e) {
      int at = buffer.position();
      throw new InputException(String.format(
          "%s: not UTF-8 text (byte 0x%02X at offset %d); save it as UTF-8", name, bytes[at] & 0xFF, at));
    } catch (CharacterCodingException e) {
      throw new InputException(name + ": not UTF-8 text; save it as UTF-8");
    }
  }

  /** A file or value the command cannot use; the message is the whole one-line report. */
  static final class InputException extends RuntimeException {
    InputException(String message) {
      super(message, null, false, false);
    }
  }
}
