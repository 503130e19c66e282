package dev.floe.media;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import dev.floe.config.MailAndMediaSettings;
import dev.floe.config.SettingsException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Media in an S3-compatible bucket: {@code public/} and {@code private/} prefixes. Private files are handed out as
 * presigned links that expire; the bucket itself need not be public, since Floe serves public files too.
 */
class S3MediaStore implements MediaStore, AutoCloseable {

    private final MailAndMediaSettings.S3 settings;
    private final S3Client client;
    private final S3Presigner presigner;

    S3MediaStore(MailAndMediaSettings.S3 settings) {
        this.settings = settings;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
        // Path-style addressing and checksums only where required: what S3-compatible stores other than AWS understand.
        S3Configuration s3 = S3Configuration.builder().pathStyleAccessEnabled(settings.endpoint().isPresent()).build();
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                .serviceConfiguration(s3)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presignerBuilder = S3Presigner.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
                .serviceConfiguration(s3);
        settings.endpoint().ifPresent(endpoint -> {
            builder.endpointOverride(endpoint);
            presignerBuilder.endpointOverride(endpoint);
        });
        this.client = builder.build();
        this.presigner = presignerBuilder.build();
        checkBucket();
    }

    private void checkBucket() {
        try {
            client.headBucket(b -> b.bucket(settings.bucket()));
        } catch (NoSuchBucketException e) {
            close();
            throw new SettingsException("AWS_STORAGE_BUCKET_NAME names the bucket '" + settings.bucket() + "', which does not exist");
        } catch (S3Exception e) {
            close();
            throw new SettingsException("AWS_STORAGE_BUCKET_NAME: the bucket '" + settings.bucket() + "' answered "
                    + e.statusCode() + " (" + e.awsErrorDetails().errorMessage() + "); check the AWS_* credentials");
        } catch (SdkException e) {
            close();
            throw new SettingsException("AWS_S3_ENDPOINT_URL: the S3 store cannot be reached ("
                    + settings.endpoint().map(URI::toString).orElse("AWS") + "): " + e.getMessage());
        }
    }

    @Override
    public void put(Area area, String key, Path file, String contentType) {
        client.putObject(b -> b.bucket(settings.bucket()).key(objectKey(area, key)).contentType(contentType),
                RequestBody.fromFile(file));
    }

    @Override
    public Optional<Stored> open(Area area, String key) {
        try {
            ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(settings.bucket()).key(objectKey(area, key)));
            return Optional.of(new Stored(in, in.response().contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(Area area, String key) {
        try {
            client.headObject(b -> b.bucket(settings.bucket()).key(objectKey(area, key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(Area area, String key) {
        client.deleteObject(b -> b.bucket(settings.bucket()).key(objectKey(area, key)));
    }

    @Override
    public void forEachKey(Area area, String prefix, Consumer<String> action) {
        // The paginator asks for the next page of 1,000 only when the stream reaches it.
        client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(area.prefix() + prefix)).contents().stream()
                // Some stores list folder markers ("a/"); they are not files.
                .map(o -> o.key().substring(area.prefix().length())).filter(k -> !k.isEmpty() && !k.endsWith("/")).forEach(action);
    }

    @Override
    public Optional<URI> presign(Area area, String key, Duration lifetime, String downloadName, String contentType) {
        var request = presigner.presignGetObject(p -> p.signatureDuration(lifetime).getObjectRequest(g -> g
                .bucket(settings.bucket()).key(objectKey(area, key))
                .responseContentType(contentType)
                .responseContentDisposition(MediaFiles.contentDisposition(downloadName))));
        try {
            return Optional.of(request.url().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String describe() {
        return "the S3 bucket '" + settings.bucket() + "' at " + settings.endpoint().map(URI::toString).orElse("AWS " + settings.region());
    }

    @Override
    public void close() {
        client.close();
        presigner.close();
    }

    private static String objectKey(Area area, String key) {
        return area.prefix() + MediaStore.checkKey(key);
    }
}
