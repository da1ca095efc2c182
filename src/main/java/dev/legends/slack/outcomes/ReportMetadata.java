package dev.legends.slack.outcomes;

/**
 * What the outcome modal carries in its {@code private_metadata}: the channel the report
 * came from (for "Share to channel") and the outcome being edited, if any.
 *
 * @param channelId the channel, or {@code null}
 * @param editingId the outcome being edited, or {@code null} for a new report
 */
record ReportMetadata(String channelId, Long editingId) {

	/**
	 * Encode as {@code c=C123;e=45}.
	 * @return the metadata string
	 */
	String encode() {
		return "c=" + ((this.channelId != null) ? this.channelId : "") + ";e="
				+ ((this.editingId != null) ? this.editingId : "");
	}

	/**
	 * Decode what {@link #encode()} wrote; anything else gives empty metadata.
	 * @param text the metadata string
	 * @return the metadata
	 */
	static ReportMetadata decode(String text) {
		String channel = null;
		Long editing = null;
		if (text != null) {
			for (String part : text.split(";")) {
				if (part.startsWith("c=") && part.length() > 2) {
					channel = part.substring(2);
				}
				if (part.startsWith("e=") && part.length() > 2) {
					editing = parseId(part.substring(2));
				}
			}
		}
		return new ReportMetadata(channel, editing);
	}

	private static Long parseId(String text) {
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
