package dev.floe.pagecache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A public response as it was rendered once: status 200, its headers, the body plain and precompressed, and the
 * surrogate keys naming what it shows. Read back from Redis it carries only the one body the client gets.
 */
record CachedResponse(String contentType, String etag, Map<String, List<String>> headers, byte[] identity,
        byte[] gzip, byte[] brotli, Set<String> keys) {

    int weight() {
        return (identity == null ? 0 : identity.length) + (gzip == null ? 0 : gzip.length) + (brotli == null ? 0 : brotli.length) + 512;
    }

    boolean shows(String key) {
        return keys.contains(key);
    }

    private static final int META_FORMAT = 1;

    /** Everything but the bodies, for a store outside this process. */
    byte[] meta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(META_FORMAT);
            out.writeUTF(contentType);
            out.writeUTF(etag == null ? "" : etag);
            out.writeShort(headers.size());
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                out.writeUTF(header.getKey());
                out.writeShort(header.getValue().size());
                for (String value : header.getValue()) {
                    out.writeUTF(value);
                }
            }
            out.writeShort(keys.size());
            for (String key : keys) {
                out.writeUTF(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A response from {@link #meta()} and one of its bodies; null when the meta is of another format (another release). */
    static CachedResponse fromMeta(byte[] meta, byte[] identity, byte[] gzip, byte[] brotli) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(meta))) {
            if (in.readByte() != META_FORMAT) {
                return null;
            }
            String contentType = in.readUTF();
            String etag = in.readUTF();
            int headerCount = in.readUnsignedShort();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 0; i < headerCount; i++) {
                String name = in.readUTF();
                int valueCount = in.readUnsignedShort();
                List<String> values = new ArrayList<>(valueCount);
                for (int j = 0; j < valueCount; j++) {
                    values.add(in.readUTF());
                }
                headers.put(name, List.copyOf(values));
            }
            int keyCount = in.readUnsignedShort();
            Set<String> keys = new LinkedHashSet<>();
            for (int i = 0; i < keyCount; i++) {
                keys.add(in.readUTF());
            }
            return new CachedResponse(contentType, etag.isEmpty() ? null : etag, headers, identity, gzip, brotli, keys);
        } catch (IOException e) {
            return null;
        }
    }
}
