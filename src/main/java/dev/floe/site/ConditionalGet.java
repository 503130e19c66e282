package dev.floe.site;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Conditional GET for the public site and the API: an ETag from the response body, and 304 Not Modified when the
 * client already has it. Hashing the body is always right, whatever the page shows (menus, listings, ...).
 */
@Configuration(proxyBeanMethods = false)
class ConditionalGet {

    /**
     * ETags from two hardware-accelerated checksums (CRC-32 and CRC-32C, 64 bits together) and the length, instead of
     * MD5: profiling showed MD5 of every page at 9% of a render's CPU.
     */
    static final class ChecksumEtags extends ShallowEtagHeaderFilter {
        @Override
        protected String generateETagHeaderValue(java.io.InputStream body, boolean weak) throws java.io.IOException {
            String tag = etag(body.readAllBytes());
            return weak ? "W/" + tag : tag;
        }
    }

    /**
     * The ETag of a body. A handler that has the whole body at hand (the public site's pages) sets it itself: the
     * filter then lets the body through instead of copying it into a buffer of its own.
     */
    static String etag(byte[] body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        java.util.zip.CRC32C crcC = new java.util.zip.CRC32C();
        crcC.update(body);
        return "\"" + Long.toHexString(crc.getValue()) + Long.toHexString(crcC.getValue()) + "-"
                + Integer.toHexString(body.length) + "\"";
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ChecksumEtags());
        registration.addUrlPatterns("/*");
        registration.setName("etags");
        return registration;
    }
}
