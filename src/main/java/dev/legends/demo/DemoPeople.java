package dev.legends.demo;

import java.util.List;
import java.util.Optional;

/**
 * The cast of the demo workspace: its people, its channels and its two teams.
 */
final class DemoPeople {

	static final String ADA = "U0DEMOADA";

	static final String GRACE = "U0DEMOGRACE";

	static final String LINUS = "U0DEMOLINUS";

	static final String MARGARET = "U0DEMOMARGARET";

	static final String KEN = "U0DEMOKEN";

	static final String BURNER = "U0DEMOBURN";

	static final String BARBARA = "U0DEMOBARBARA";

	static final String DENNIS = "U0DEMODENNIS";

	static final String FRANCES = "U0DEMOFRANCES";

	static final String ALAN = "U0DEMOALAN";

	static final List<Person> ALL = List.of(new Person(ADA, "Ada Lovelace", "ada", true),
			new Person(GRACE, "Grace Hopper", "grace", false), new Person(LINUS, "Linus Torvalds", "linus", false),
			new Person(MARGARET, "Margaret Hamilton", "margaret", false), new Person(KEN, "Ken Thompson", "ken", false),
			new Person(BURNER, "Tok N. Burner", "tok", false), new Person(BARBARA, "Barbara Liskov", "barbara", false),
			new Person(DENNIS, "Dennis Ritchie", "dennis", false),
			new Person(FRANCES, "Frances Allen", "frances", false), new Person(ALAN, "Alan Kay", "alan", false));

	static final String GENERAL = "C0DEMOGENERAL";

	static final String PLATFORM_CHANNEL = "C0DEMOPLATFORM";

	static final String PRODUCT_CHANNEL = "C0DEMOPRODUCT";

	static final List<Channel> CHANNELS = List.of(new Channel(GENERAL, "general"),
			new Channel(PLATFORM_CHANNEL, "platform"), new Channel(PRODUCT_CHANNEL, "product"));

	/** Platform: five engineers, Tok N. Burner among them, managed by Margaret. */
	static final DemoTeam PLATFORM = new DemoTeam("Platform", List.of(GRACE, LINUS, KEN, DENNIS, BURNER),
			List.of(MARGARET), PLATFORM_CHANNEL);

	/**
	 * Product: five people managed by Ada and Margaret (each confirms the other's work).
	 */
	static final DemoTeam PRODUCT = new DemoTeam("Product", List.of(ADA, MARGARET, BARBARA, FRANCES, ALAN),
			List.of(ADA, MARGARET), PRODUCT_CHANNEL);

	private DemoPeople() {
	}

	static boolean contains(String userId) {
		return ALL.stream().anyMatch((person) -> person.id().equals(userId));
	}

	static Optional<Person> byHandle(String handle) {
		return ALL.stream().filter((person) -> person.handle().equalsIgnoreCase(handle)).findFirst();
	}

	static Optional<Channel> channel(String channelId) {
		return CHANNELS.stream().filter((channel) -> channel.id().equals(channelId)).findFirst();
	}

	/**
	 * One demo person.
	 *
	 * @param id the Slack user id
	 * @param name the display name
	 * @param handle what {@code @} is followed by when they are mentioned
	 * @param admin whether they are a workspace admin
	 */
	record Person(String id, String name, String handle, boolean admin) {

		String email() {
			return this.name.toLowerCase().replaceAll("[^a-z]+", ".") + "@legends-demo.invalid";
		}

	}

	/**
	 * One demo channel.
	 *
	 * @param id the channel id
	 * @param name the name, without {@code #}
	 */
	record Channel(String id, String name) {

	}

	/**
	 * One demo team.
	 *
	 * @param name its name
	 * @param members the members' user ids
	 * @param managers the managers' user ids
	 * @param channel its digest channel
	 */
	record DemoTeam(String name, List<String> members, List<String> managers, String channel) {

	}

}
