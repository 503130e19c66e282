package dev.floe.accounts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface GroupPagePermissionRepository extends JpaRepository<GroupPagePermission, Long> {

    List<GroupPagePermission> findByGroupIdOrderByPageIdAscActionAsc(long groupId);

    boolean existsByGroupIdAndPageIdAndAction(long groupId, Long pageId, PageAction action);
}
