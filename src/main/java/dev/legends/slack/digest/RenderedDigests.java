package dev.legends.slack.digest;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.legends.digest.Digest;

/**
 * A digest's blocks as the JSON {@code chat.postMessage} sends, rendered once for all the
 * channels that get the same digest (the channels of one audience due at the same time).
 */
final class RenderedDigests {

	private static final int KEPT = 64;

	private final Gson gson = GsonFactory.createSnakeCase();

	private final Map<Digest, String> recent = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Digest, String> eldest) {
			return size() > KEPT;
		}

	};

	/**
	 * The digest's blocks as JSON.
	 * @param digest the digest
	 * @return the JSON array of blocks
	 */
	String blocks(Digest digest) {
		synchronized (this.recent) {
			String cached = this.recent.get(digest);
			if (cached != null) {
				return cached;
			}
		}
		String json = this.gson.toJson(DigestBlocks.render(digest));
		synchronized (this.recent) {
			this.recent.put(digest, json);
		}
		return json;
	}

}
