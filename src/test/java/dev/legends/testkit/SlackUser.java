package dev.legends.testkit;

import com.google.gson.JsonObject;

/**
 * A person the fake Slack directory knows.
 *
 * @param id the Slack user id
 * @param name the display name
 * @param email the email
 * @param timeZone an IANA timezone id
 * @param admin whether they are a workspace admin
 */
public record SlackUser(String id, String name, String email, String timeZone, boolean admin) {

	/**
	 * A regular person in UTC.
	 * @param id the Slack user id
	 * @param name the display name
	 * @return the user
	 */
	public static SlackUser of(String id, String name) {
		return new SlackUser(id, name, name.toLowerCase().replace(' ', '.') + "@example.com", "UTC", false);
	}

	JsonObject toJson() {
		JsonObject profile = new JsonObject();
		profile.addProperty("display_name", this.name);
		profile.addProperty("real_name", this.name);
		profile.addProperty("email", this.email);
		JsonObject user = new JsonObject();
		user.addProperty("id", this.id);
		user.addProperty("name", this.name.toLowerCase().replace(' ', '.'));
		user.addProperty("real_name", this.name);
		user.addProperty("tz", this.timeZone);
		user.addProperty("is_admin", this.admin);
		user.add("profile", profile);
		return user;
	}

}
