package dev.floe.ops;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A request that takes as long as asked, for shutdown tests; only in a process started with floe.test.slow-requests=true. */
@RestController
@ConditionalOnProperty(name = "floe.test.slow-requests", havingValue = "true")
class SlowRequests {

    static final String STARTED = "slow request started";

    @GetMapping("/-/test/slow")
    String slow(@RequestParam long millis) throws InterruptedException {
        System.out.println(STARTED);
        Thread.sleep(millis);
        return "finished after " + millis + " ms";
    }
}
