package dev.legends.ingest;

/**
 * Who sent an ingest request: the workspace its key belongs to and the key's name.
 *
 * @param workspaceId the workspace the usage is stored in
 * @param keyName the key's name ({@code bootstrap} for {@code LEGENDS_INGEST_KEY})
 */
public record IngestPrincipal(Long workspaceId, String keyName) {

}
