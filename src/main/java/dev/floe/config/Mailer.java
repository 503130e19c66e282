package dev.floe.config;

import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Sends plain-text mail through the SMTP server of the environment contract, or writes it to the log when
 * {@code EMAIL_HOST} is unset. Sending happens in the background, so a slow or failing mail server never holds up
 * or undoes the change that caused the mail; a failure is logged.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSenderImpl sender;
    private final String from;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    Mailer(Environment environment, FloeSettings settings) {
        MailAndMediaSettings mail = MailAndMediaSettings.from(environment::getProperty);
        this.from = "Floe <no-reply@" + settings.siteDomain().replaceFirst(":.*$", "") + ">";
        this.sender = mail.emailHost().map(host -> {
            JavaMailSenderImpl smtp = new JavaMailSenderImpl();
            smtp.setHost(host);
            smtp.setPort(mail.emailPort());
            mail.emailUser().ifPresent(smtp::setUsername);
            mail.emailPassword().ifPresent(smtp::setPassword);
            Properties properties = smtp.getJavaMailProperties();
            properties.put("mail.smtp.auth", String.valueOf(mail.emailUser().isPresent()));
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.connectiontimeout", "10000");
            properties.put("mail.smtp.timeout", "10000");
            properties.put("mail.smtp.writetimeout", "10000");
            return smtp;
        }).orElse(null);
    }

    /** One message to send. */
    public record Message(String to, String subject, String body) {
    }

    /** Sends the message in the background (or logs it when no SMTP server is configured). */
    public void send(Message message) {
        if (sender == null) {
            log.info("Mail (EMAIL_HOST is unset, so it is only logged) to {}: {}\n{}", message.to(), message.subject(), message.body());
            return;
        }
        background.execute(() -> deliver(message));
    }

    private void deliver(Message message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(message.to());
        mail.setSubject(message.subject());
        mail.setText(message.body());
        try {
            sender.send(mail);
        } catch (MailException e) {
            log.warn("Mail to {} ({}) could not be sent through EMAIL_HOST {}: {}", message.to(), message.subject(),
                    sender.getHost(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        background.close();
    }
}
