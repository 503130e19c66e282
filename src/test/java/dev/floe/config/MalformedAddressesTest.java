package dev.floe.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.floe.admin.AdminClient;
import dev.floe.admin.AdminRole;
import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/**
 * Addresses with values Floe cannot take (an id that is not a number, a query that is not UTF-8) are refused with a
 * 4xx and a sentence, on every admin screen and API endpoint, rather than answered with 500 and an error in the log.
 */
class MalformedAddressesTest extends FloeIntegrationTest {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(int.class, Integer.class, long.class, Long.class);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyAdminScreenAndApiEndpointRefusesAnIdThatIsNotAWholeNumberWithoutAServerError() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.SUPERUSER);
        List<String> wrong = new ArrayList<>();
        int walked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : handler.getKey().getPatternValues()) {
                if (!(pattern.startsWith("/admin/") || pattern.startsWith("/api/")) || pattern.contains("**")) {
                    continue;
                }
                for (MethodParameter parameter : handler.getValue().getMethodParameters()) {
                    PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
                    if (variable == null || !WHOLE_NUMBERS.contains(parameter.getParameterType())) {
                        continue;
                    }
                    String name = !variable.value().isEmpty() ? variable.value() : !variable.name().isEmpty() ? variable.name()
                            : parameter.getParameterName();
                    for (String value : List.of("abc", "1.5", "99999999999999999999")) {
                        String path = pattern.replace("{" + name + "}", value).replaceAll("\\{[^}]+}", "987654321");
                        for (RequestMethod method : methods(handler.getKey())) {
                            walked++;
                            Answer answer = pattern.startsWith("/api/") ? api(method, path) : admin(admin, method, path);
                            boolean refusedInWords = answer.status() == 404 && answer.body().contains("must be a whole number")
                                    || method != RequestMethod.GET && answer.status() >= 400 && answer.status() < 500
                                    && answer.status() != 401 && answer.status() != 403;
                            if (!refusedInWords || answer.body().contains("java.lang")) {
                                wrong.add(method + " " + path + ": " + answer.status() + " " + answer.body().lines().limit(3).toList());
                            }
                        }
                    }
                }
            }
        }
        assertThat(walked).as("requests made").isGreaterThan(100);
        assertThat(wrong).as("addresses not refused in words").isEmpty();
    }

    @Test
    void aQueryParameterThatIsNotAWholeNumberIsRefusedWith400NamingIt() {
        Api.Response words = api.get("/api/v2/redirects/?limit=many");
        Api.Response huge = api.get("/api/v2/images/?offset=99999999999");

        assertThat(words.status()).isEqualTo(400);
        assertThat(words.json().get("error").asString())
                .isEqualTo("The parameter 'limit' must be a whole number no larger than 2147483647; 'many' is not.");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("error").asString()).contains("'offset'", "'99999999999' is not");
        AdminClient.Response screen = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR).get("/admin/redirects/?page=abc");
        assertThat(screen.status()).isEqualTo(400);
        assertThat(screen.body()).contains("The parameter &#39;page&#39; must be a whole number").doesNotContain("java.lang");
    }

    @Test
    void aQueryThatIsNotPercentEncodedUtf8IsRefusedWith400OnTheSiteTheAdminAndTheApi() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        // java.net.URI refuses to send '%' without two hex digits after it; wellEncodedQueries checks those below.
        for (String query : List.of("q=%ff", "q=%e2%82", "%ff=1", "q=%c3%28")) {
            Api.Response site = anonymous.get("/search/?" + query);
            Api.Response apiList = api.get("/api/v2/pages/?" + query);
            AdminClient.Response explorer = admin.get("/admin/pages/?" + query);

            assertThat(site.status()).as(query).isEqualTo(400);
            assertThat(site.body()).as(query).contains("query is not valid");
            assertThat(apiList.status()).as(query).isEqualTo(400);
            assertThat(apiList.json().get("error").asString()).as(query).contains("must spell UTF-8 text");
            assertThat(explorer.status()).as(query).isEqualTo(400);
        }
        assertThat(anonymous.get("/search/?q=%C3%A9t%C3%A9+caf%c3%a9").status()).as("escapes that spell UTF-8").isEqualTo(200);
        assertThat(admin.get("/admin/pages/?q=%E2%82%AC%20100").status()).isEqualTo(200);
    }

    @Test
    void aPathTomcatCannotDecodeIsRefusedWith400AndASentenceNotTomcatsPage() {
        for (String path : List.of("/%ff", "/news/%e2%82/", "/a/../../etc/passwd")) {
            Api.Response site = anonymous.get(path);

            assertThat(site.status()).as(path).isEqualTo(400);
            assertThat(site.header("Content-Type")).as(path).isEqualTo("text/plain;charset=UTF-8");
            assertThat(site.body()).as(path).isEqualTo(TomcatErrorReport.BAD_PATH + "\n");
        }
        for (String path : List.of("/api/v2/pages/%ff/", "/api/v2/images/%e2%82/", "/api/../../etc/passwd")) {
            Api.Response apiPath = api.get(path);

            assertThat(apiPath.status()).as(path).isEqualTo(400);
            assertThat(apiPath.json().get("error").asString()).as(path).isEqualTo(TomcatErrorReport.BAD_PATH);
        }
        assertThat(anonymous.get("/%C3%A9t%C3%A9/").status()).as("a path whose escapes spell UTF-8").isEqualTo(404);
    }

    @Test
    void wellEncodedQueries() {
        for (String bad : List.of("%", "q=%", "q=%z1", "q=a%2", "q=%ff", "q=%c3", "q=%c3%28", "q=%ed%a0%80", "q=%٣٣")) {
            assertThat(MalformedQueryFilter.wellEncoded(bad)).as(bad).isFalse();
        }
        for (String good : List.of("", "q=a+b", "q=%20", "q=%C3%A9t%C3%A9", "q=%e2%82%ac&page=2", "a=%41%42&b=%f0%9f%98%80")) {
            assertThat(MalformedQueryFilter.wellEncoded(good)).as(good).isTrue();
        }
    }

    @Test
    void anApiEndpointAskedForAnythingButJsonAnswers406() {
        long home = new Pages(api).homeId();
        Api.Response html = api.send(api.request("/api/v2/pages/" + home + "/").header("Accept", "text/html").GET());
        Api.Response nowhere = api.send(api.request("/api/v2/nothing-here/").header("Accept", "text/html").GET());

        assertThat(html.status()).isEqualTo(406);
        assertThat(html.json().get("error").asString()).contains("answers in JSON");
        assertThat(nowhere.status()).as("an address that does not exist is still 404").isEqualTo(404);
        assertThat(api.send(api.request("/api/v2/pages/" + home + "/").header("Accept", "text/html, */*;q=0.8").GET()).status())
                .as("a browser's Accept").isEqualTo(200);
    }

    private static List<RequestMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? List.of(RequestMethod.GET) : methods.stream().filter(m -> m != RequestMethod.HEAD).toList();
    }

    private record Answer(int status, String body) {
    }

    private Answer api(RequestMethod method, String path) {
        HttpRequest.Builder request = api.request(path);
        request = method == RequestMethod.GET || method == RequestMethod.DELETE ? request.method(method.name(), HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method.name(), HttpRequest.BodyPublishers.ofString("{}"));
        Api.Response response = api.send(request);
        return new Answer(response.status(), response.body());
    }

    private static Answer admin(AdminClient admin, RequestMethod method, String path) {
        AdminClient.Response response = method == RequestMethod.GET ? admin.get(path) : admin.post(path, Map.of());
        return new Answer(response.status(), response.body());
    }
}
