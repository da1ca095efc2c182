/**
 * The Slack edge: the Bolt app, the {@code /legends} router, modals, App Home and Block
 * Kit renderers. The only module (with demo) that imports {@code com.slack}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Slack")
package dev.legends.slack;
