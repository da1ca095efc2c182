package dev.legends.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port, on its own in-memory H2 database, its Slack clients
 * pointed at the shared {@link FakeSlackApi}; test methods may take a
 * {@link SlackTestClient} and the {@link FakeSlackApi} as parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LegendsTestInitializer.class)
@ExtendWith(SlackTestExtension.class)
public @interface LegendsAppTest {

}
