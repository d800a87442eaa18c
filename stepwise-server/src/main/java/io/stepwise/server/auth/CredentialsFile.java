package io.stepwise.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An AWS shared credentials file, as the AWS CLI and SDKs read {@code ~/.aws/credentials}: INI
 * sections, one per profile ({@code [name]}, or {@code [profile name]} as the config file writes
 * them), with {@code aws_access_key_id}, {@code aws_secret_access_key} and optionally {@code
 * aws_session_token}; {@code #} and {@code ;} start comments; other settings are left alone. Every
 * profile with an access key becomes one accepted key. A mistake is refused with the file, the
 * line or the profile, and what is wrong.
 */
public final class CredentialsFile {
  private CredentialsFile() {}

  /** The keys of the file, in the order of their profiles; IllegalArgumentException for a file that cannot be used. */
  public static List<Credentials> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("the credentials file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("the credentials file " + file + " cannot be read: " + e.getMessage());
    }
    return parse(file.toString(), lines);
  }

  static List<Credentials> parse(String name, List<String> lines) {
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          throw new IllegalArgumentException(name + ":" + (i + 1) + ": not a [profile] line: " + line);
        }
        String profile = line.substring(1, line.length() - 1).strip();
        if (profile.startsWith("profile ")) {
          profile = profile.substring("profile ".length()).strip();
        }
        current = profiles.computeIfAbsent(profile, p -> new LinkedHashMap<>());
        continue;
      }
      if (Character.isWhitespace(raw.charAt(0)) && current != null) {
        continue; // a nested setting's continuation line (the config file's s3 = ... blocks)
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected key = value, not: " + line);
      }
      if (current == null) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": a setting before any [profile] line: " + line.substring(0, eq).strip());
      }
      current.put(line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), line.substring(eq + 1).strip());
    }
    List<Credentials> out = new ArrayList<>();
    Map<String, Credentials> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> p : profiles.entrySet()) {
      Map<String, String> s = p.getValue();
      String id = s.get("aws_access_key_id");
      String secret = s.get("aws_secret_access_key");
      if (id == null && secret == null) {
        continue; // a profile of other settings (a role, SSO): no key of its own
      }
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException(name + ": profile '" + p.getKey() + "' has aws_secret_access_key but no aws_access_key_id");
      }
      if (secret == null || secret.isEmpty()) {
        throw new IllegalArgumentException(name + ": profile '" + p.getKey() + "' has aws_access_key_id but no aws_secret_access_key");
      }
      String token = s.get("aws_session_token");
      Credentials c = new Credentials(id, secret, token == null || token.isEmpty() ? null : token, p.getKey());
      Credentials same = byKey.putIfAbsent(id, c);
      if (same != null) {
        if (same.secretAccessKey().equals(c.secretAccessKey()) && java.util.Objects.equals(same.sessionToken(), c.sessionToken())) {
          continue;
        }
        throw new IllegalArgumentException(name + ": the access key " + id + " is in profiles '" + same.profile() + "' and '" + p.getKey()
            + "' with different secrets or session tokens");
      }
      out.add(c);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(name + " holds no profile with aws_access_key_id and aws_secret_access_key");
    }
    return out;
  }
}
