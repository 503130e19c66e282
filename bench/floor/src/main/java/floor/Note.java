package floor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

@Entity
@Table(name = "floor_note")
@Indexed
public class Note {
  @Id public Long id;
  @FullTextField public String title;
  @FullTextField public String body;

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }
}
