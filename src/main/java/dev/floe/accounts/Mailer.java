package dev.floe.accounts;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

import dev.floe.config.FloeSettings;
import dev.floe.config.MailAndMediaSettings;

/**
 * Sends plain-text mail over SMTP as the environment contract says ({@code EMAIL_HOST}, {@code EMAIL_PORT},
 * {@code EMAIL_HOST_USER}, {@code EMAIL_HOST_PASSWORD}; STARTTLS when the server offers it), or writes it to the log
 * when {@code EMAIL_HOST} is unset, as while developing.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSenderImpl sender;
    private final String from;

    Mailer(Environment environment, FloeSettings settings) {
        MailAndMediaSettings mail = MailAndMediaSettings.from(environment::getProperty);
        String host = settings.siteDomain().replaceFirst(":[0-9]+$", "");
        this.from = environment.getProperty("floe.mail.from", "Floe <noreply@" + host + ">");
        if (mail.emailHost().isEmpty()) {
            this.sender = null;
            return;
        }
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost(mail.emailHost().get());
        smtp.setPort(mail.emailPort());
        mail.emailUser().ifPresent(smtp::setUsername);
        mail.emailPassword().ifPresent(smtp::setPassword);
        Properties properties = smtp.getJavaMailProperties();
        properties.put("mail.smtp.auth", Boolean.toString(mail.emailUser().isPresent()));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        this.sender = smtp;
    }

    /** Sends the mail; throws {@link AccountException} with a sentence when the SMTP server cannot take it. */
    public void send(String to, String subject, String text) {
        if (sender == null) {
            log.info("Mail (EMAIL_HOST is unset, so it is only logged) to {}: {}\n{}", to, subject, text);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            log.error("Sending mail to {} through {}:{} failed", to, sender.getHost(), sender.getPort(), e);
            throw new AccountException("The mail could not be sent; try again later, or ask an administrator.");
        }
    }
}
