package dev.legends.usage;

/**
 * An identity usage arrived under that no person is matched to yet.
 *
 * @param identity the identity
 * @param records how many usage records it carries
 * @param totalTokens how many tokens they add up to
 */
public record UnmatchedIdentity(UsageIdentity identity, long records, long totalTokens) {

}
