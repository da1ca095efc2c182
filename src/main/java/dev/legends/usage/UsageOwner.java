package dev.legends.usage;

/**
 * Whose usage a total is: a person (member) or, while no person is matched, the identity
 * it arrived under.
 *
 * @param memberId the member id, or {@code null} for unmatched usage
 * @param identity the identity for unmatched usage, or {@code null} for a person
 */
public record UsageOwner(Long memberId, UsageIdentity identity) {

	/**
	 * A person.
	 * @param memberId the member id
	 * @return the owner
	 */
	public static UsageOwner member(Long memberId) {
		return new UsageOwner(memberId, null);
	}

	/**
	 * Usage not yet matched to a person.
	 * @param identity the identity it arrived under
	 * @return the owner
	 */
	public static UsageOwner unmatched(UsageIdentity identity) {
		return new UsageOwner(null, identity);
	}

	/**
	 * Whether this is a matched person.
	 * @return {@code true} when {@code memberId} is set
	 */
	public boolean isMember() {
		return this.memberId != null;
	}

}
