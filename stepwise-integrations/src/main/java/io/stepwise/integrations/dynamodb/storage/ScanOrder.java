package io.stepwise.integrations.dynamodb.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The order a Scan walks a table in: by an MD5 hash of the hash key (DynamoDB spreads items over
 * partitions by a hash of it, and scans partition by partition), then the hash key itself, so no
 * two keys tie. DynamoDB documents no particular order; this one is stable across restarts.
 */
public final class ScanOrder {
  private ScanOrder() {}

  public static byte[] of(byte[] hash) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(hash);
      byte[] out = new byte[md5.length + hash.length];
      System.arraycopy(md5, 0, out, 0, md5.length);
      System.arraycopy(hash, 0, out, md5.length, hash.length);
      return out;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
