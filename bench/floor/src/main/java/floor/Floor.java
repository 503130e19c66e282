package floor;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The stack with one indexed entity, one repository query and one Pebble page: what any Floe-sized app pays. */
@SpringBootApplication
public class Floor {
  public static void main(String[] args) {
    SpringApplication.run(Floor.class, args);
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
  }

  @Bean
  PebbleEngine pebble() {
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("templates/");
    return new PebbleEngine.Builder().loader(loader).build();
  }

  @RestController
  static class Pages {
    private final Notes notes;
    private final PebbleTemplate page;

    Pages(Notes notes, PebbleEngine pebble) {
      this.notes = notes;
      this.page = pebble.getTemplate("page.peb");
    }

    @Transactional(readOnly = true)
    @GetMapping(value = "/notes/{from}/", produces = MediaType.TEXT_HTML_VALUE)
    String notes(@PathVariable long from) throws IOException {
      StringWriter out = new StringWriter();
      page.evaluate(out, Map.of("notes", notes.range(from, from + 19)));
      return out.toString();
    }
  }
}
