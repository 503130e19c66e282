package dev.floe.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Floe fetches from other sites only at public addresses, never from its own machine or network. */
class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.254", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "0.0.0.0", "0.1.2.3", "224.0.0.1",
            "255.255.255.255", "198.18.0.1", "::1", "::", "fe80::1", "fd00::1", "fc00::abcd", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a00:1::",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2"})
    void privateLoopbackLinkLocalAndSpecialAddressesAreRefused(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1:248:1893:25c8:1946",
            "2a00:1450:4009:81f::200e"})
    void publicAddressesAreAccepted(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isTrue();
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIsPrivate() {
        assertThatThrownBy(() -> PublicAddresses.requirePublic("localhost")).isInstanceOf(EmbedFailure.class)
                .hasMessageContaining("private or local address");
        assertThatThrownBy(() -> PublicAddresses.requirePublic("127.0.0.1")).isInstanceOf(EmbedFailure.class);
        assertThatThrownBy(() -> PublicAddresses.requirePublic("[::1]")).isInstanceOf(EmbedFailure.class);
        assertThatThrownBy(() -> PublicAddresses.requirePublic("10.1.2.3")).isInstanceOf(EmbedFailure.class);
        assertThatThrownBy(() -> PublicAddresses.requirePublic("169.254.169.254")).isInstanceOf(EmbedFailure.class);
    }
}
