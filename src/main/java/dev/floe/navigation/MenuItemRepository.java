package dev.floe.navigation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MenuItemRepository extends JpaRepository<MenuItem, Long> {

    @Query("select i from MenuItem i where i.menuId = :menuId order by i.position, i.id")
    List<MenuItem> findByMenu(@Param("menuId") long menuId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from MenuItem i where i.menuId = :menuId and i.parentItemId is not null")
    void deleteChildren(@Param("menuId") long menuId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from MenuItem i where i.menuId = :menuId")
    void deleteAllOfMenu(@Param("menuId") long menuId);
}
