package dev.floe.demo;

import static dev.floe.demo.DemoBlocks.anchor;
import static dev.floe.demo.DemoBlocks.block;
import static dev.floe.demo.DemoBlocks.callToAction;
import static dev.floe.demo.DemoBlocks.contact;
import static dev.floe.demo.DemoBlocks.faq;
import static dev.floe.demo.DemoBlocks.heading;
import static dev.floe.demo.DemoBlocks.map;
import static dev.floe.demo.DemoBlocks.pageLink;
import static dev.floe.demo.DemoBlocks.quote;
import static dev.floe.demo.DemoBlocks.rule;
import static dev.floe.demo.DemoBlocks.slots;
import static dev.floe.demo.DemoBlocks.subheading;
import static dev.floe.demo.DemoBlocks.table;
import static dev.floe.demo.DemoBlocks.text;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.floe.navigation.Menus;
import dev.floe.pages.Author;
import dev.floe.pages.DraftInput;
import dev.floe.pages.Page;
import dev.floe.pages.PageEditor;
import dev.floe.publishing.Publisher;
import dev.floe.sharedcontent.SharedContents;
import dev.floe.site.ResponsePages;

/**
 * One load of the demo site, in an order where every page a block links to exists first: shared content, the
 * sections of the site with their child pages, sixty articles, redirects, the home page, then the menus and the 404.
 */
final class DemoSite {

    static final int ARTICLES = 60;
    private static final LocalDate NEWEST = LocalDate.of(2026, 11, 3);
    private static final double QUAY_LATITUDE = 54.4866;
    private static final double QUAY_LONGITUDE = -0.6137;
    private static final String EMBED_URL = "https://www.youtube.com/watch?v=jNQXAC9IVRw";
    private static final String IFRAME_URL = "https://www.openstreetmap.org/export/embed.html"
            + "?bbox=-0.6400%2C54.4750%2C-0.5900%2C54.4980&layer=cyclemap";
    // The kinds of article, repeated every ten: five stories, two objects of the month, three harbour logs.
    private static final String ARTICLE_PATTERN = "SSOLSLSOLS";
    private static final List<String> LOG_SUMMARIES = List.of(
            "Quay news, workshop notes and what is coming up at the museum.",
            "Trips on the Kittiwake, progress on the Grace Atherton and dates for your diary.",
            "What our volunteers found in the archive, and what is on next month.",
            "A busy few weeks on the quay, in the workshop and behind the scenes.");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final DemoCopy copy;
    private final DemoBlocks blocks;
    private final List<Map<String, Object>> media;
    private final PageEditor editor;
    private final Publisher publisher;
    private final Menus menus;
    private final ResponsePages responsePages;
    private final SharedContents sharedContents;
    private final Author author;

    private long openingHours;
    private Page contact;
    private Page about;
    private Page team;
    private Page annualReport;
    private Page supportUs;
    private Page visit;
    private Page accessibility;
    private Page groups;
    private Page collections;
    private Page shipModels;
    private Page instruments;
    private Page lifeboat;
    private Page openData;
    private Page news;
    private Page tickets;
    private Page friends;

    DemoSite(DemoCopy copy, DemoBlocks blocks, List<Map<String, Object>> media, PageEditor editor, Publisher publisher,
             Menus menus, ResponsePages responsePages, SharedContents sharedContents, Author author) {
        this.copy = copy;
        this.blocks = blocks;
        this.media = media;
        this.editor = editor;
        this.publisher = publisher;
        this.menus = menus;
        this.responsePages = responsePages;
        this.sharedContents = sharedContents;
        this.author = author;
    }

    /** The blocks that depend on the site's configuration and the network: an iframe and an embed. */
    static List<Map<String, Object>> mediaBlocks() {
        return List.of(
                block("iframe", "url", IFRAME_URL, "title", "Cycle routes to Ropewalk Quay", "height", 380),
                block("embed", "url", EMBED_URL, "caption", "From our film archive, shared on YouTube."));
    }

    void build(Page home) {
        openingHours = openingHours();
        contactPage(home);
        aboutSection(home);
        visitSection(home);
        collectionsSection(home);
        newsSection(home);
        redirects(home);
        homePage(home);
        menus();
        notFoundPage();
    }

    private long openingHours() {
        return sharedContents.create("opening-hours", "Opening hours", blocks.accepted(List.of(
                heading("Opening hours"),
                table(null, List.of("Day", "Summer (April to October)", "Winter (November to March)"), List.of(
                        List.of("Monday", "Closed", "Closed"),
                        List.of("Tuesday to Friday", "10:00 to 17:00", "10:00 to 16:00"),
                        List.of("Saturday and Sunday", "10:00 to 18:00", "10:00 to 16:00")), true),
                text("<p>Last entry is 45 minutes before closing. We are closed on 24, 25 and 26 December.</p>"))),
                author).id();
    }

    private void contactPage(Page home) {
        contact = publish(home, "layout_page", "Contact us", "contact", "default", Map.of(
                "intro", "<p>We are happy to help with questions about visiting, the collection, research and the press.</p>",
                "seo_description", "How to reach the Floe Harbour Museum by email, phone and post, and how to find us on Ropewalk Quay."), List.of(
                text("<p>For anything about visiting, email <a href=\"mailto:hello@example.org\">hello@example.org</a> or call"
                        + " <a href=\"tel:+441632960100\">01632 960 100</a> during opening hours. We answer every message within"
                        + " two working days.</p>"),
                heading("Who to contact"),
                contact(copy.person("Aiyana Brooks")),
                contact(copy.person("Henrik Lund")),
                contact(copy.person("Maya Okafor")),
                block("raw_html", "html", "<div class=\"notice\"><p><strong>Press enquiries:</strong> for interviews, filming"
                        + " and images, write to <a href=\"mailto:press@example.org\">press@example.org</a>.</p></div>"),
                anchor("find-us", "Find us"),
                heading("Find us"),
                text("<p>Floe Harbour Museum<br>The Harbour Master's Warehouse<br>Ropewalk Quay<br>Floe FL1 2QY</p>"
                        + "<p>The museum is a ten-minute walk from the railway station along the harbour front. Buses 4 and 12"
                        + " stop outside.</p>"),
                map("The Floe Harbour Museum on Ropewalk Quay", QUAY_LATITUDE, QUAY_LONGITUDE, 16),
                block("shared_content", "shared_content", openingHours)));
    }

    private void aboutSection(Page home) {
        about = publish(home, "layout_page", "About the museum", "about", "default", Map.of(
                "intro", "<p>Since 2016 we have told the story of the harbour and its people from the old harbour master's"
                        + " warehouse on Ropewalk Quay.</p>",
                "seo_description", "The Floe Harbour Museum's story, its building, and the people who run it."), List.of(
                block("anchor_list", "title", "On this page"),
                anchor("our-story", "Our story"),
                heading("Our story"),
                text("<p>The museum began as a collection of ship models and photographs kept by the Harbour Society in a"
                        + " room above the fish market. When the harbour master's warehouse fell empty in 2011, the town"
                        + " raised the money to buy it, and the museum opened five years later.</p>"),
                quote("A museum that forgets the people who used the harbour is just a room full of boats.",
                        "Sofia Marchetti, director"),
                anchor("the-building", "The building"),
                heading("The building"),
                text("<p>The warehouse was built in 1847 to store timber, tar and hemp. Its iron columns, brick vaults and"
                        + " timber roof have been repaired rather than replaced, and the marks of a century of work are"
                        + " still on the floors.</p><ul><li>Six galleries over three floors</li><li>A learning room and"
                        + " archive</li><li>A café with a terrace on the quay</li></ul>"),
                rule(),
                anchor("who-we-are", "Who we are"),
                heading("Who we are"),
                text("<p>The museum is an independent charity with forty staff and more than three hundred volunteers."
                        + " It is governed by a board of trustees drawn from the town and the wider region.</p>"),
                contact(copy.person("Sofia Marchetti")),
                faq("Questions about the museum",
                        "Is the museum a charity?", "<p>Yes. We are a registered charity, and every ticket, membership and"
                                + " donation helps us care for the collection.</p>",
                        "Do you accept donations of objects?", "<p>We do, when they help tell the harbour's story. Please"
                                + " <a href=\"/contact/\">contact our curators</a> before bringing anything in.</p>",
                        "Can I volunteer?", "<p>We would love to hear from you. Volunteers help in the galleries, the"
                                + " archive, the workshop and on the Kittiwake.</p>"),
                block("child_pages", "title", "More about us"),
                pageLink(contact.getId(), "Contact us", "Email addresses, phone numbers and how to find us.")));
        team = publish(about, "layout_page", "Our team", "team", "default", Map.of(
                "intro", "<p>The people who look after the collection and welcome you to the museum.</p>",
                "seo_description", "Meet the curators, conservators and educators of the Floe Harbour Museum."),
                teamBlocks());
        annualReport = publish(about, "layout_page", "Annual report 2025", "annual-report-2025", "wide", Map.of(
                "intro", "<p>A year of record visitor numbers, a new gallery and the return of the Kittiwake.</p>",
                "seo_description", "Visitors, income and highlights from the Floe Harbour Museum's year."), List.of(
                text("<p>In 2025 the museum welcomed more visitors than in any year since it opened, and more than half of"
                        + " them were visiting for the first time.</p>"),
                table("Visitors and income, 2023 to 2025", List.of("Measure", "2023", "2024", "2025"), List.of(
                        List.of("Visitors", "148,200", "161,950", "187,430"),
                        List.of("School pupils", "7,310", "8,120", "9,264"),
                        List.of("Volunteer hours", "21,400", "24,900", "27,150"),
                        List.of("Income from tickets", "£512,000", "£566,000", "£648,000")), true),
                heading("Highlights"),
                text("<ul><li>The Kittiwake returned to the Old Quay after eighteen months in dry dock.</li><li>The"
                        + " Weather, Wind and Water gallery opened on the first floor.</li><li>The harbour master's ledgers"
                        + " went online.</li></ul>"),
                quote("The museum has become the place where the town tells its own story.", "Chair of trustees")));
        supportUs = publish(about, "layout_page", "Support us", "support-us", "default", Map.of(
                "intro", "<p>Become a member, volunteer, or make a gift to help us care for the harbour's story.</p>",
                "seo_description", "Ways to support the Floe Harbour Museum: membership, volunteering and donations."), List.of(
                text("<p>The museum receives no regular funding from government. Tickets, memberships and gifts pay for"
                        + " everything we do, from conserving the Grace Atherton to running free school sessions.</p>"),
                callToAction("Become a member", "Free entry all year, members' evenings and ten per cent off in the café.",
                        "Ask about membership", contact.getId()),
                faq("Giving", "Can I leave a gift in my will?", "<p>Yes, and gifts in wills have paid for some of our"
                                + " most important work. We are happy to talk it through in confidence.</p>",
                        "Is my gift tax-efficient?", "<p>If you are a UK taxpayer, Gift Aid adds 25 per cent to your"
                                + " donation at no cost to you.</p>")));
    }

    private List<Map<String, Object>> teamBlocks() {
        List<Map<String, Object>> team = new ArrayList<>();
        team.add(text("<p>Our staff are supported by more than three hundred volunteers. To reach any of us, email or"
                + " call the numbers below.</p>"));
        copy.people().forEach(person -> team.add(contact(person)));
        return team;
    }

    private void visitSection(Page home) {
        List<Map<String, Object>> blocks = new ArrayList<>(List.of(
                block("shared_content", "shared_content", openingHours),
                anchor("tickets", "Tickets"),
                heading("Tickets"),
                table("Admission prices", List.of("Ticket", "Price", "Includes"), List.of(
                        List.of("Adult", "£12", "Entry for a year, with Gift Aid"),
                        List.of("Concession", "£9", "Students, over-65s, jobseekers"),
                        List.of("Under 18", "Free", "With an adult"),
                        List.of("Members", "Free", "Unlimited visits")), true),
                callToAction("Coming with a group?", "Groups of ten or more save twenty per cent and can book a guided tour.",
                        "Book a group visit", contact.getId()),
                anchor("getting-here", "Getting here"),
                heading("Getting here"),
                text("<p>The museum is on Ropewalk Quay, a ten-minute walk from Floe railway station. Buses 4 and 12 stop"
                        + " outside, and the Harbour car park is two minutes away on foot.</p>"),
                map("The Floe Harbour Museum on Ropewalk Quay", QUAY_LATITUDE, QUAY_LONGITUDE, 16)));
        media.stream().filter(b -> java.util.Set.of("iframe", "image", "gallery", "slideshow", "file").contains(b.get("type")))
                .forEach(blocks::add);
        blocks.addAll(List.of(
                faq("Before you come",
                        "Is the museum accessible?", "<p>Yes. Every gallery is step-free, with lifts to every floor and"
                                + " accessible toilets on the ground and first floors.</p>",
                        "Can I bring a buggy?", "<p>Buggies are welcome everywhere, including on the Kittiwake's main deck.</p>",
                        "Is there somewhere to eat?", "<p>The café on the quay serves breakfast, lunch and cakes, and you"
                                + " are welcome to eat your own food in the picnic room.</p>"),
                block("child_pages", "title", "Planning your visit")));
        visit = publish(home, "layout_page", "Visit", "visit", "wide", Map.of(
                "intro", "<p>Open Tuesday to Sunday on Ropewalk Quay. Under-18s and members visit for free.</p>",
                "seo_description", "Opening hours, tickets, getting here and access at the Floe Harbour Museum."), blocks);
        accessibility = publish(visit, "layout_page", "Accessibility", "accessibility", "default", Map.of(
                "intro", "<p>We want everyone to enjoy the museum. Here is what to expect, and how we can help.</p>",
                "seo_description", "Step-free access, quiet mornings, large-print guides and assistance dogs."), List.of(
                text("<p>All galleries are step-free and served by lifts. Large-print and tactile guides are available at"
                        + " the front desk, and assistance dogs are welcome everywhere.</p>"),
                heading("Quiet mornings"),
                text("<p>On the first Tuesday of every month we open an hour early with lower lights and softer sound.</p>"),
                contact(copy.person("Maya Okafor"))));
        groups = publish(visit, "layout_page", "Groups and schools", "groups-and-schools", "default", Map.of(
                "intro", "<p>Guided tours for groups, and hands-on sessions for schools that follow the curriculum.</p>",
                "seo_description", "Guided tours and school sessions at the Floe Harbour Museum."), List.of(
                table("School sessions", List.of("Session", "Ages", "Length"), List.of(
                        List.of("Life on the herring fleet", "7 to 11", "90 minutes"),
                        List.of("Will it float?", "5 to 7", "60 minutes"),
                        List.of("Storms and shipwrecks", "9 to 14", "2 hours")), true),
                callToAction("Book a session", "Sessions run from Tuesday to Friday in term time.", "Contact the learning team",
                        contact.getId())));
    }

    private void collectionsSection(Page home) {
        collections = publish(home, "layout_page", "Collections", "collections", "wide", Map.of(
                "intro", "<p>Twenty-four thousand objects, from a steam tug to a knitted jumper, each with a story about"
                        + " the harbour.</p>",
                "seo_description", "Explore the Floe Harbour Museum's collections of ships, models, instruments and archives."), List.of(
                block("child_pages", "title", "Explore the collections"),
                quote("You could spend a week in the model store and still find something new on the last afternoon.",
                        "A visiting researcher")));
        shipModels = publish(collections, "layout_page", "Ship models", "ship-models", "default", Map.of(
                "seo_description", "Three hundred ship models, from bone carvings to builder's models."), List.of(
                text("<p>Our three hundred ship models range from tiny carvings made by prisoners of war to builders'"
                        + " models of the steam trawlers built on the quay.</p>"),
                quote("Every model is a portrait of a ship that someone loved.", "Ingrid Halvorsen, senior curator"),
                pageLink(collections.getId(), "Back to the collections", null)));
        instruments = publish(collections, "layout_page", "Charts and instruments", "charts-and-instruments", "default", Map.of(
                "seo_description", "Telescopes, chronometers, sextants and charts used to navigate the coast."), List.of(
                text("<p>Navigating this coast meant knowing where you were, what the tide was doing and what the weather"
                        + " would do next. These are the tools sailors used.</p>"),
                table("Highlights of the navigation gallery", List.of("Object", "Date", "Used for"), List.of(
                        List.of("Marine chronometer", "1851", "Finding longitude"),
                        List.of("Sextant", "about 1900", "Measuring the height of the sun"),
                        List.of("Harbour chart", "1794", "Pilotage into the inner basin")), true)));
        List<Map<String, Object>> lifeboatBlocks = new ArrayList<>(List.of(
                text("<p>The Grace Atherton was built on the quay in 1912 and served as the harbour's lifeboat until 1953,"
                        + " rescuing 212 people. She is now being restored in the museum workshop.</p>")));
        media.stream().filter(b -> "embed".equals(b.get("type"))).forEach(lifeboatBlocks::add);
        lifeboatBlocks.addAll(List.of(
                quote("We are not making her new. We are making her honest.", "Tomás Reyes, head of conservation"),
                heading("See the work"),
                text("<p>The workshop is open to visitors on Wednesday and Saturday afternoons, when the conservators"
                        + " are happy to answer questions.</p>")));
        lifeboat = publish(collections, "layout_page", "The lifeboat Grace Atherton", "lifeboat-grace-atherton", "default",
                Map.of("seo_description", "The harbour's 1912 lifeboat and her restoration."), lifeboatBlocks);
        openData = publish(collections, "layout_page", "Open data", "open-data", "default", Map.of(
                "intro", "<p>Our collection records and this website's pages are open data, free to reuse.</p>",
                "seo_description", "Read the museum's collection and pages as JSON through a public API."), List.of(
                text("<p>Everything published on this website can be read as JSON from the content API, without a key."
                        + " Please be kind to our server and cache what you fetch.</p>"),
                heading("Fetch the latest news"),
                block("code", "language", "bash", "caption", "List the titles of the latest articles",
                        "code", "curl -s 'https://museum.example.org/api/v2/pages/?type=article' \\\n  | jq -r '.items[].title'"),
                block("code", "language", "json", "caption", "What an answer looks like", "code", """
                        {
                          "items": [
                            {
                              "id": 42,
                              "type": "article",
                              "title": "The Kittiwake returns to her berth",
                              "path": "/news/the-kittiwake-returns-to-her-berth/"
                            }
                          ],
                          "meta": {"total": 60}
                        }"""),
                table("Fields of a page", List.of("Field", "Meaning"), List.of(
                        List.of("title", "The page's title"),
                        List.of("path", "Where the page lives on this site"),
                        List.of("fields", "The page type's own fields, such as an article's date"),
                        List.of("slots", "The page's blocks, in order")), true)));
    }

    private void newsSection(Page home) {
        news = publish(home, "listing_page", "News", "news", "listing", Map.of(
                "intro", "<p>Stories from the quay, the workshop and the archive.</p>",
                "seo_description", "News from the Floe Harbour Museum: exhibitions, conservation, events and the archive."),
                null);
        int story = 0;
        int exhibit = 0;
        int logEntry = 0;
        for (int i = 0; i < ARTICLES; i++) {
            LocalDate date = NEWEST.minusDays(i * 14L + (i % 3) * 2L);
            switch (ARTICLE_PATTERN.charAt(i % ARTICLE_PATTERN.length())) {
                case 'S' -> storyArticle(copy.stories().get(story % copy.stories().size()), story++, date);
                case 'O' -> exhibitArticle(copy.exhibits().get(exhibit % copy.exhibits().size()), exhibit++, date);
                default -> logArticle(logEntry++, date);
            }
        }
    }

    private void storyArticle(DemoCopy.Story story, int index, LocalDate date) {
        List<Map<String, Object>> body = new ArrayList<>();
        body.add(text("<p>" + story.lede() + "</p><p>" + story.detail() + "</p>"));
        List<DemoCopy.Section> sections = copy.sections();
        DemoCopy.Section first = sections.get(index % sections.size());
        DemoCopy.Section second = sections.get((index + 2) % sections.size());
        DemoCopy.Person writer = copy.person(story.author());
        boolean quoted = false;
        if (story.title().contains("open data")) {
            body.add(heading("Try it"));
            body.add(block("code", "language", "bash", "caption", "Fetch the ten newest articles",
                    "code", "curl -s 'https://museum.example.org/api/v2/pages/?type=article&limit=10'"));
        }
        switch (index % 8) {
            case 0 -> body.addAll(List.of(heading(first.heading()), text(first.html()),
                    pageLink(collections.getId(), "Explore the collections", "Ships, models, instruments and archives.")));
            case 1 -> body.addAll(List.of(heading(first.heading()), text(first.html()), faq("Good to know",
                    "Do I need to book?", "<p>No. Just come along during opening hours; tickets are sold at the door.</p>",
                    "Is it suitable for children?", "<p>Yes, and under-18s visit for free with an adult.</p>")));
            case 2 -> body.addAll(List.of(heading("Dates and times"), table(null, List.of("Date", "Time", "Where"), List.of(
                            List.of(date.plusDays(10).format(LONG_DATE), "10:30", "The Atrium"),
                            List.of(date.plusDays(24).format(LONG_DATE), "14:00", "The Learning Room"),
                            List.of(date.plusDays(38).format(LONG_DATE), "18:30", "The Kittiwake")), false),
                    heading(second.heading()), text(second.html())));
            case 3 -> body.addAll(List.of(block("anchor_list", "title", "In this article"),
                    anchor(slug(first.heading()), first.heading()), heading(first.heading()), text(first.html()),
                    anchor(slug(second.heading()), second.heading()), heading(second.heading()), text(second.html()),
                    anchor("get-in-touch", "Get in touch"), heading("Get in touch"), contact(writer)));
            case 4 -> body.addAll(List.of(heading(first.heading()), text(first.html()), subheading("Ask the team"), contact(writer)));
            case 5 -> body.addAll(List.of(heading(first.heading()), text(first.html()),
                    map("Ropewalk Quay", QUAY_LATITUDE, QUAY_LONGITUDE, 17),
                    callToAction("Plan your visit", "Opening hours, tickets and how to find us.", "Plan your visit", visit.getId())));
            case 6 -> body.addAll(List.of(heading(first.heading()), text(first.html()), rule(),
                    block("content_listing", "page", news.getId(), "count", 3, "title", "More from the quay")));
            default -> {
                body.add(0, block("raw_html", "html", "<div class=\"notice\"><p>This story first appeared in"
                        + " <em>Harbour Lights</em>, the members' magazine.</p></div>"));
                body.addAll(List.of(heading(first.heading()), text(first.html())));
                if (story.quote() != null) {
                    body.add(quote(story.quote(), story.quoteBy()));
                    quoted = true;
                }
            }
        }
        if (story.quote() != null && !quoted) {
            body.add(1, quote(story.quote(), story.quoteBy()));
        }
        article(story.title(), date, story.summary(), story.author(), body);
    }

    private void exhibitArticle(DemoCopy.Exhibit exhibit, int index, LocalDate date) {
        String title = "Object of the month: " + exhibit.name();
        article(title, date, exhibit.summary(), index % 2 == 0 ? "Ingrid Halvorsen" : "Jonah Whitaker", List.of(
                text("<p>" + exhibit.description() + "</p>"),
                table("About the object", List.of(), List.of(
                        List.of("Date", exhibit.date()),
                        List.of("Materials", exhibit.materials()),
                        List.of("Size", exhibit.size()),
                        List.of("Where to see it", exhibit.gallery())), true),
                text("<p>Every month one of our curators chooses an object from the collection and tells its story."
                        + " Ask at the front desk for directions to the gallery.</p>"),
                pageLink(collections.getId(), "Explore the collections", "More objects from the harbour's story.")));
    }

    private void logArticle(int index, LocalDate date) {
        Map<String, String> logs = copy.logs();
        List<Map<String, Object>> body = new ArrayList<>(List.of(
                text("<p>News from the quay, the workshop and the archive, written for our members and volunteers.</p>"),
                heading("On the quay"), text(logs.get("quay")),
                heading("In the workshop"), text(logs.get("workshop")),
                heading("In the archive"), text(logs.get("archive")),
                rule(),
                heading("Coming up"), text(logs.get("coming"))));
        if (index % 3 == 0) {
            body.add(1, block("raw_html", "html", "<div class=\"notice\"><p><strong>Gallery closure:</strong> the"
                    + " Figureheads gallery is closed for repairs to its roof lights until further notice.</p></div>"));
        }
        body.add(callToAction("Volunteer with us", "Help in the galleries, the archive or the workshop.",
                "Find out more", supportUs.getId()));
        article("Harbour log, " + date.format(LONG_DATE), date, LOG_SUMMARIES.get(index % LOG_SUMMARIES.size()),
                "Aiyana Brooks", body);
    }

    private void article(String title, LocalDate date, String summary, String writer, List<Map<String, Object>> body) {
        publish(news, "article", title, slug(title), null, Map.of(
                "date", date.toString(), "summary", summary, "author", writer, "seo_description", summary), body);
    }

    private void redirects(Page home) {
        tickets = publish(home, "redirect_page", "Tickets", "tickets", "default",
                Map.of("target_page", visit.getId(), "permanent", false), null);
        friends = publish(home, "redirect_page", "Friends of the museum", "friends", "default",
                Map.of("target_url", "/about/support-us/", "permanent", true), null);
    }

    private void homePage(Page home) {
        editor.saveDraft(home.getId(), home.getDraftVersion(), new DraftInput("The Floe Harbour Museum", null, "wide",
                Map.of("intro", "<p>Three centuries of ships, storms and the people who worked the quay, in the old"
                                + " harbour master's warehouse. Open Tuesday to Sunday; under-18s go free.</p>",
                        "seo_title", "Floe Harbour Museum: ships, storms and the people of the quay",
                        "seo_description", "A museum of the harbour and its people on Ropewalk Quay: the steam tug"
                                + " Kittiwake, the lifeboat Grace Atherton, six galleries and a café on the water."),
                slots(blocks.accepted(List.of(
                        block("content_listing", "page", news.getId(), "count", 3, "title", "Latest from the quay"),
                        callToAction("Plan your visit", "Opening hours, tickets, getting here and access for everyone.",
                                "Opening hours and tickets", visit.getId()),
                        heading("On the quay this season"),
                        text("<p>The steam tug <strong>Kittiwake</strong> is back at her berth after eighteen months in"
                                + " dry dock, and short trips across the basin run every weekend from April to September."
                                + " Inside, the new <a href=\"/news/new-gallery-weather-wind-and-water/\">Weather, Wind and Water</a> gallery lets you feel a"
                                + " force ten gale without getting wet.</p>"),
                        quote("The best museum on the coast, and the crab sandwiches are not bad either.",
                                "A visitor from Leeds"),
                        pageLink(collections.getId(), "Explore the collections",
                                "Ship models, charts, instruments and the lifeboat Grace Atherton."),
                        block("shared_content", "shared_content", openingHours))))),
                author);
        publisher.publish(home.getId(), null, author);
    }

    private void menus() {
        menus.replace("main", "Main menu", List.of(
                item("Visit", visit, item("Accessibility", accessibility),
                        item("Groups and schools", groups)),
                item("Collections", collections, item("Ship models", shipModels),
                        item("Charts and instruments", instruments), item("The lifeboat Grace Atherton", lifeboat),
                        item("Open data", openData)),
                item("News", news),
                item("About", about, item("Our team", team),
                        item("Annual report 2025", annualReport), item("Support us", supportUs)),
                item("Contact", contact)), author);
        menus.replace("footer", "Footer menu", List.of(
                item("Visit", visit, item("Opening hours", visit), item("Tickets", tickets),
                        item("Accessibility", accessibility), link("Getting here", "/visit/#getting-here")),
                item("The museum", about, item("News", news), item("Our team", team), item("Friends of the museum", friends)),
                item("Get in touch", contact, link("Find us", "/contact/#find-us"),
                        link("hello@example.org", "mailto:hello@example.org"))), author);
    }

    private void notFoundPage() {
        responsePages.set(404, "This page has sailed", slots(blocks.accepted(List.of(
                text("<p>We looked everywhere, from the chart room to the bilges, and could not find the page you asked"
                        + " for. It may have moved when we rebuilt the website, or the address may be mistyped.</p>"),
                callToAction("Looking for something to do?", "See what is on at the museum this season.",
                        "Plan your visit", visit.getId())))), author);
    }

    private Page publish(Page parent, String type, String title, String slug, String layout, Map<String, Object> fields,
                         List<Map<String, Object>> main) {
        Page page = editor.create(parent.getId(), type, new DraftInput(title, slug, layout, new LinkedHashMap<>(fields),
                main == null ? null : slots(blocks.accepted(main))), author);
        return publisher.publish(page.getId(), null, author);
    }

    private static Menus.Item item(String label, Page page, Menus.Item... children) {
        return new Menus.Item(label, page.getId(), null, List.of(children));
    }

    private static Menus.Item link(String label, String url) {
        return new Menus.Item(label, null, url, List.of());
    }

    static String slug(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
