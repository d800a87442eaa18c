package io.stepwise.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.integrations.config.ServicesSettings;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * What every integration is made with.
 *
 * @param services how each service is reached
 * @param functions the {@code functions:} section of the configuration file (Lambda functions), or null
 * @param configDir where relative paths in the configuration start (the file's folder, or the working directory)
 * @param dataDir the server's data directory: local stand-ins keep their state under it; null: in memory
 * @param region the server's region (ARNs, and remote services without a region of their own)
 * @param account the server's account id
 */
public record IntegrationContext(ServicesSettings services, JsonNode functions, Path configDir, Path dataDir, String region,
    String account, InstantSource clock) {}
