package dev.floe.publishing;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.FloeApplication;
import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

class ScheduledPublishingTest extends FloeIntegrationTest {

    @Autowired
    ScheduledPublisher scheduler;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void aPageGoesLiveAtItsGoLiveTimeWithTheContentItWasScheduledWith() throws Exception {
        String slug = unique("embargoed");
        long id = pages.createUnderHome(slug, "Embargoed news", textBlock("<p>At noon</p>")).get("id").asLong();
        Instant goLive = soon();

        Api.Response scheduled = api.post("/api/v2/pages/" + id + "/schedule/", Map.of("go_live_at", goLive.toString()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        assertThat(scheduled.json().get("go_live_at").asString()).isEqualTo(goLive.toString());
        pages.edit(id, pages.draft(id).get("version").asInt(), Map.of("title", "Edited after scheduling"));

        scheduler.runDue();
        assertThat(anonymous.get("/" + slug + "/").status()).as("not yet due").isEqualTo(404);

        waitUntil(goLive);
        ScheduledPublisher.Report report = scheduler.runDue();

        assertThat(report.done()).isGreaterThanOrEqualTo(1);
        assertThat(anonymous.get("/" + slug + "/").body()).contains("Embargoed news").doesNotContain("Edited after scheduling");
        JsonNode draft = pages.draft(id);
        assertThat(draft.get("go_live_at").isNull()).isTrue();
        assertThat(draft.get("has_unpublished_changes").asBoolean()).as("the later edit is still a draft").isTrue();
    }

    @Test
    void aPageExpiresAtItsExpiryTime() throws Exception {
        String slug = unique("expiring");
        long id = pages.createUnderHome(slug, "Offer", textBlock("<p>Until Friday</p>")).get("id").asLong();
        pages.publish(id);
        Instant expire = soon();
        pages.edit(id, pages.draft(id).get("version").asInt(), Map.of("expire_at", expire.toString()));
        assertThat(pages.draft(id).get("expire_at").asString()).isEqualTo(expire.toString());

        waitUntil(expire);
        scheduler.runDue();

        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(404);
        assertThat(pages.draft(id).get("expire_at").isNull()).isTrue();
    }

    @Test
    void scheduleTimesInThePastOrOutOfOrderAreRefused() {
        long id = pages.createUnderHome(unique("bad-times"), "Times").get("id").asLong();
        Instant now = Instant.now();

        Api.Response past = api.post("/api/v2/pages/" + id + "/schedule/", Map.of("go_live_at", now.minusSeconds(60).toString()));
        Api.Response backwards = api.post("/api/v2/pages/" + id + "/schedule/", Map.of(
                "go_live_at", now.plusSeconds(7200).toString(), "expire_at", now.plusSeconds(3600).toString()));
        Api.Response garbage = api.post("/api/v2/pages/" + id + "/schedule/", Map.of("go_live_at", "next tuesday"));

        assertThat(past.status()).isEqualTo(409);
        assertThat(backwards.status()).isEqualTo(409);
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(pages.draft(id).get("go_live_at").isNull()).isTrue();
    }

    @Test
    void twoInstancesRacingOnOneDueJobPublishItOnce() throws Exception {
        String slug = unique("raced-schedule");
        long id = pages.createUnderHome(slug, "Once only", textBlock("<p>once</p>")).get("id").asLong();
        Instant goLive = soon();
        Api.Response scheduled = api.post("/api/v2/pages/" + id + "/schedule/", Map.of("go_live_at", goLive.toString()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);

        try (ConfigurableApplicationContext secondInstance = new SpringApplicationBuilder(FloeApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("BASE_SETTINGS_MODULE", "test", "floe.scheduler-interval", "1h",
                        "logging.level.root", "WARN"))
                .run()) {
            ScheduledPublisher other = secondInstance.getBean(ScheduledPublisher.class);
            waitUntil(goLive);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ScheduledPublisher.Report>> runs = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (ScheduledPublisher instance : List.of(scheduler, other, scheduler, other)) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return instance.runDue();
                    }));
                }
                start.countDown();
                int done = 0;
                for (Future<ScheduledPublisher.Report> run : runs) {
                    done += run.get().done();
                }
                assertThat(done).as("jobs carried out across both instances").isGreaterThanOrEqualTo(1);
            }
        }

        List<JsonNode> published = api.get("/api/v2/pages/" + id + "/revisions/").json().get("items").valueStream()
                .filter(r -> r.get("kind").asString().equals("published")).toList();
        assertThat(published).as("published exactly once").hasSize(1);
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(200);
    }

    @Test
    void publishScheduledFromTheCommandLineRunsDueJobs() throws Exception {
        String slug = unique("cli-scheduled");
        long id = pages.createUnderHome(slug, "From the command line").get("id").asLong();
        Instant goLive = soon();
        Api.Response scheduled = api.post("/api/v2/pages/" + id + "/schedule/", Map.of("go_live_at", goLive.toString()));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        waitUntil(goLive);

        Map<String, String> env = new HashMap<>();
        int exit = dev.floe.support.Cli.run(env, "publish-scheduled").exitCode();

        assertThat(exit).isZero();
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(200);
    }

    /**
     * A whole second at least 2 s ahead: the requests that schedule and the checks made before it must all come
     * before it, on a slow machine too: 1 to 2 s ahead left them as little as a second.
     */
    private static Instant soon() {
        return Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void waitUntil(Instant moment) throws InterruptedException {
        long millis = java.time.Duration.between(Instant.now(), moment).toMillis() + 50;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
