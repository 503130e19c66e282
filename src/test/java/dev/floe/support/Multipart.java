package dev.floe.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;


/** Sends multipart/form-data as browsers and curl do: the file in a part named {@code file}, fields beside it. */
public final class Multipart {

    private Multipart() {
    }

    public static Api.Response send(Api api, String method, String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "floe-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(api.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public static Api.Response upload(Api api, String path, String fileName, byte[] content, Map<String, String> fields) {
        return send(api, "POST", path, fileName, content, fields);
    }

    public static Api.Response upload(Api api, String path, String fileName, byte[] content) {
        return upload(api, path, fileName, content, Map.of());
    }
}
