/**
 * Demo mode: Legends without a Slack workspace, with what it would have sent recorded
 * locally.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package dev.legends.demo;
