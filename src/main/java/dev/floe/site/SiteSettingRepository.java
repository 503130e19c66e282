package dev.floe.site;

import org.springframework.data.jpa.repository.JpaRepository;

interface SiteSettingRepository extends JpaRepository<SiteSetting, String> {
}
