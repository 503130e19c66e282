#!/usr/bin/env python3
"""Seeds Floe through its content API with the same content as the Django anchor's seed
(/work/shared/anchors/django-perf/cms/pages/management/commands/seed.py): one article of 20 blocks at
/news/restoring-the-harbour-crane/ and 100 other 20-block articles under /news/ (10 left unpublished).

The words come from the same generator with the same seed, drawn in the same order, so every block carries the
same text as its Django twin. Block mapping (Django -> Floe, see bench/site/site.yaml):
  richtext -> text {html}            quote -> quote {text, attribution, role}
  image    -> image {src, srcset...}  table -> table {caption, header[{label}], rows[{cells[{text}]}]}
  faq      -> faq {title, items[{question, answer}]}   (answer: "<p>...</p>", as Django's template wraps it)
  cta      -> call_to_action {title, text, url, button_label}

Usage: seed.py BASE_URL TOKEN   (standard library only). Prints "article_id=N pages=N published=N blocks=N".
"""
import json
import random
import sys
import urllib.error
import urllib.request

ARTICLE_SLUG = "restoring-the-harbour-crane"
ARTICLE_TITLE = "Restoring the harbour crane: ten years, 40,000 rivets & a community"

WORDS = ("the museum harbour crane restoration volunteers steel rivets archive history "
         "workers community collection conservation engineers timber maritime city wharf "
         "cargo ships heritage team research project visitors exhibition photographs "
         "records century industrial craft paint layers structure original design "
         "council funding public programme stories families dock labour survey").split()
# layout: R=richtext Q=quote I=image T=table F=faq C=cta  (12 R, 3 Q, 2 I, 1 T, 1 F, 1 C)
LAYOUT = "RRIRQRRTRQRIRRFRQRCR"


def sentence(rnd, n):
    w = [rnd.choice(WORDS) for _ in range(n)]
    return " ".join(w).capitalize() + "."


def words_text(rnd, total):
    out, left = [], total
    while left > 0:
        n = min(left, rnd.randint(9, 17))
        out.append(sentence(rnd, n))
        left -= n
    return " ".join(out)


def richtext(rnd, i):
    t = words_text(rnd, 80).split(" ")
    t[5] = "<strong>%s</strong>" % t[5]
    t[20] = '<a href="/collections/object/%d/">%s</a>' % (1000 + i, t[20])
    t[40] = "<em>%s</em>" % t[40]
    return {"type": "text", "value": {"html": "<p>%s</p>" % " ".join(t)}}


def image(rnd, i):
    slug = "harbour-crane-%d" % i
    base = "/media/images/2024/03/%s" % slug
    return {"type": "image", "value": {
        "src": "%s.width-960.format-webp.webp" % base,
        "srcset": [{"url": "%s.width-%d.format-webp.webp" % (base, w), "w": w}
                   for w in (320, 480, 640, 960, 1280, 1920)],
        "width": 960, "height": 640, "layout": "wide" if i == 0 else "inline",
        "alt": sentence(rnd, 10), "caption": sentence(rnd, 14), "credit": "J. Smith & Co.",
    }}


def quote(rnd, i):
    return {"type": "quote", "value": {"text": words_text(rnd, 35), "attribution": "Margaret O'Neil",
                                       "role": "Restoration volunteer, 1998\u20132024"}}


def table(rnd, i):
    return {"type": "table", "value": {
        "caption": "Restoration timeline",
        "header": ["Phase", "Years", "Work carried out", "Cost (AUD)"],
        "rows": [["Phase %d" % k, "%d\u2013%d" % (2015 + k, 2016 + k), sentence(rnd, 8),
                  "$%d,000" % rnd.randint(50, 900)] for k in range(1, 6)],
        "row_headers": True}}


def faq(rnd, i):
    items = []
    for _ in range(3):
        q = sentence(rnd, 9).rstrip(".") + "?"
        a = words_text(rnd, 45)
        items.append({"question": q, "answer": "<p>%s</p>" % a})
    return {"type": "faq", "value": {"title": "Frequently asked questions", "items": items}}


def cta(rnd, i):
    return {"type": "call_to_action", "value": {"title": "Become a volunteer", "text": sentence(rnd, 22),
                                                "url": "/support/volunteer/",
                                                "button_label": "Find out how to volunteer"}}


MAKERS = {"R": richtext, "Q": quote, "I": image, "T": table, "F": faq, "C": cta}


def blocks_for(rnd):
    seen, out = {}, []
    for code in LAYOUT:
        k = seen.get(code, 0)
        seen[code] = k + 1
        out.append(MAKERS[code](rnd, k))
    return out


class Api:
    def __init__(self, base, token):
        self.base, self.token = base.rstrip("/"), token

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.token)
        req.add_header("Accept", "application/json")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            sys.exit("seed: %s %s -> %d %s" % (method, path, e.code, e.read().decode(errors="replace")[:2000]))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    api = Api(sys.argv[1], sys.argv[2])
    home = api.call("GET", "/api/v2/pages/?path=/")["items"][0]
    news = api.call("POST", "/api/v2/pages/", {
        "parent": home["id"], "type": "listing_page", "title": "News", "slug": "news",
        "fields": {"seo_description": "News from Harbour City Museum"}, "slots": {"main": []}})
    api.call("POST", "/api/v2/pages/%d/publish/" % news["id"])

    rnd = random.Random(42)
    # the same draws, in the same order, as the Django seed: 100 titles, then blocks page by page in id order
    others = [("article-%03d" % i, sentence(rnd, 6).rstrip("."), i % 10 != 0) for i in range(100)]
    article = (ARTICLE_SLUG, ARTICLE_TITLE, True)
    article_id, published, blocks = None, 0, 0
    for slug, title, live in others[:50] + [article] + others[50:]:
        main_blocks = blocks_for(rnd)
        page = api.call("POST", "/api/v2/pages/", {
            "parent": news["id"], "type": "article", "title": title, "slug": slug,
            "fields": {"date": "2024-03-14", "author": "Alex Chen"},
            "slots": {"main": main_blocks}})
        blocks += len(main_blocks)
        if live:
            api.call("POST", "/api/v2/pages/%d/publish/" % page["id"])
            published += 1
        if slug == ARTICLE_SLUG:
            article_id = page["id"]
    print("article_id=%d pages=%d published=%d blocks=%d" % (article_id, len(others) + 1, published, blocks))


if __name__ == "__main__":
    main()
