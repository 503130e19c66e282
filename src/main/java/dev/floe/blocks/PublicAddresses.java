package dev.floe.blocks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Whether an address is on the public internet. Floe fetches from other sites only at such addresses, so that an
 * editor cannot make the server reach into its own network (loopback, private, link-local and cloud metadata ranges).
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    /** Resolves {@code host} and fails unless every address it has is public. */
    static void requirePublic(String host) throws EmbedFailure {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new EmbedFailure("the provider's host " + host + " could not be found");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new EmbedFailure("the provider's host " + host + " has a private or local address, which Floe"
                        + " never fetches from");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (startsWith(bytes, new byte[12])) {
                return isPublicV4(Arrays.copyOfRange(bytes, 12, 16)); // IPv4-compatible ::a.b.c.d
            }
            if (startsWith(bytes, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
                return isPublicV4(Arrays.copyOfRange(bytes, 12, 16)); // NAT64 64:ff9b::/96
            }
            if (bytes[0] == 0x20 && bytes[1] == 0x02) {
                return isPublicV4(Arrays.copyOfRange(bytes, 2, 6)); // 6to4 2002::/16
            }
            if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0) {
                return false; // Teredo 2001::/32 hides the address it reaches
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return !(first == 0 // "this network"
                || first == 10 || first == 127
                || (first == 100 && (second & 0xc0) == 64) // carrier-grade NAT 100.64/10
                || (first == 169 && second == 254) // link-local, cloud metadata
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && third == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 224); // multicast, reserved, broadcast
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
