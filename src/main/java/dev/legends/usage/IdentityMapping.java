package dev.legends.usage;

/**
 * The outcome of mapping an identity to a person.
 *
 * @param identity the identity
 * @param memberId the person it now belongs to
 * @param previousMemberId the person it belonged to before, or {@code null}
 * @param records how many usage records it carries (all now count for the person)
 */
public record IdentityMapping(UsageIdentity identity, Long memberId, Long previousMemberId, long records) {

}
