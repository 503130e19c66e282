package dev.floe.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReviewStepRepository extends JpaRepository<ReviewStep, Long> {

    @Query("select s from ReviewStep s, Review r where s.reviewId = r.id and r.pageId = :pageId order by s.id desc")
    List<ReviewStep> findForPage(@Param("pageId") long pageId);
}
