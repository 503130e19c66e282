package dev.floe.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says in the log when a stopping instance turns unready, so an operator can follow a rolling restart. */
@Component
@ConditionalOnWebApplication
class StoppingLog {

    private static final Logger LOG = LoggerFactory.getLogger(StoppingLog.class);

    private final String timeout;

    StoppingLog(@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") String timeout) {
        this.timeout = timeout;
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.REFUSING_TRAFFIC) {
            LOG.info("Floe is stopping: not ready for new requests; finishing those in flight (at most {}).", timeout);
        }
    }
}
