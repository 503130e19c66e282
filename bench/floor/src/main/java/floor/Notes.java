package floor;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Notes extends JpaRepository<Note, Long> {
  @Query("select n from Note n where n.id between :from and :to order by n.id")
  List<Note> range(long from, long to);
}
