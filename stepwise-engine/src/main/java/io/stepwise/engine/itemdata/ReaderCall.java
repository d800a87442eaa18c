package io.stepwise.engine.itemdata;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One S3 call an ItemReader makes: the resource ARN it calls and the request.
 *
 * @param object for a call the reader chose itself (an object a manifest or listing names),
 *     which object it reads, as "the object 'KEY' in bucket 'BUCKET'"; null for the definition's
 *     own request and a listing's next page
 */
public record ReaderCall(String resource, JsonNode request, String object) {
  static ReaderCall of(String resource, JsonNode request) {
    return new ReaderCall(resource, request, null);
  }
}
