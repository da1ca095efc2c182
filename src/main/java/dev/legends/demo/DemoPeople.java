package dev.legends.demo;

import java.util.List;

/**
 * The cast of the demo workspace.
 */
final class DemoPeople {

	static final List<Person> ALL = List.of(new Person("U0DEMOADA", "Ada Lovelace", true),
			new Person("U0DEMOGRACE", "Grace Hopper", false), new Person("U0DEMOLINUS", "Linus Torvalds", false),
			new Person("U0DEMOMARGARET", "Margaret Hamilton", false), new Person("U0DEMOKEN", "Ken Thompson", false),
			new Person("U0DEMOBURN", "Tok N. Burner", false));

	private DemoPeople() {
	}

	static boolean contains(String userId) {
		return ALL.stream().anyMatch((person) -> person.id().equals(userId));
	}

	/**
	 * One demo person.
	 *
	 * @param id the Slack user id
	 * @param name the display name
	 * @param admin whether they are a workspace admin
	 */
	record Person(String id, String name, boolean admin) {

		String email() {
			return this.name.toLowerCase().replaceAll("[^a-z]+", ".") + "@legends-demo.invalid";
		}

	}

}
