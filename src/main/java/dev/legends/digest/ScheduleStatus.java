package dev.legends.digest;

/**
 * Whether a digest schedule posts.
 */
public enum ScheduleStatus {

	/** Posts on its weekday and time. */
	ACTIVE,

	/** Keeps trying, but the last post failed for a reason someone must fix. */
	FAILING,

	/** Turned off: posts nothing until set up again. */
	OFF

}
