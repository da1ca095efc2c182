package dev.legends.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingest settings ({@code legends.ingest}).
 *
 * @param bootstrapKey a key set by the operator ({@code LEGENDS_INGEST_KEY}), accepted
 * like a created key for the installed workspace; empty for none
 */
@ConfigurationProperties("legends.ingest")
record IngestProperties(@DefaultValue("") String bootstrapKey) {

}
