package dev.floe.site;

import org.springframework.data.jpa.repository.JpaRepository;

interface ResponsePageRepository extends JpaRepository<ResponsePage, Integer> {
}
