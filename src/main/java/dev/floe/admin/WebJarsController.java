package dev.floe.admin;

import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/** Serves WebJar files under {@code /admin/webjars/LIBRARY/VERSION/FILE}, cached for a year since the address holds the version. */
@Controller
@AdminAccess(anonymous = true)
class WebJarsController {

    private static final CacheControl FOREVER = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

    @RequestMapping(value = WebJars.URL_PREFIX + "**", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<Resource> serve(HttpServletRequest request) {
        String name = request.getRequestURI().substring(WebJars.URL_PREFIX.length());
        if (name.isEmpty() || name.contains("..") || name.contains("\\") || name.contains("//") || name.endsWith("/")) {
            return ResponseEntity.notFound().build();
        }
        Resource resource = new ClassPathResource(WebJars.CLASSPATH_ROOT + name, WebJarsController.class.getClassLoader());
        if (!resource.isReadable()) {
            return ResponseEntity.notFound().build();
        }
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type).cacheControl(FOREVER).body(resource);
    }
}
