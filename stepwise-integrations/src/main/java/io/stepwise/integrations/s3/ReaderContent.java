package io.stepwise.integrations.s3;

import io.stepwise.asl.error.StatesErrors;
import io.stepwise.engine.task.TaskFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * An object's content as a Distributed Map's ItemReader reads it: its text, decompressed first
 * when the object is gzip (told by its first bytes, as S3 Inventory's {@code .csv.gz} files and
 * Athena's compressed UNLOAD output are), since AWS's ItemReader reads GZIP objects. Zstandard,
 * which AWS also reads, the JDK cannot decompress: such an object is refused, saying so.
 */
final class ReaderContent {
  private ReaderContent() {}

  static String text(String bucket, String key, byte[] body) throws TaskFailure {
    if (startsWith(body, 0x1f, 0x8b)) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readAllBytes();
      } catch (IOException e) {
        throw new TaskFailure(StatesErrors.ITEM_READER_FAILED, "The object '" + key + "' in bucket '" + bucket
            + "' begins as gzip does but cannot be decompressed: " + e.getMessage());
      }
    } else if (startsWith(body, 0x28, 0xb5, 0x2f, 0xfd)) {
      throw new TaskFailure(StatesErrors.ITEM_READER_FAILED, "The object '" + key + "' in bucket '" + bucket
          + "' is Zstandard-compressed, which Stepwise does not decompress; gzip and uncompressed objects are read");
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private static boolean startsWith(byte[] body, int... magic) {
    if (body.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((body[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
