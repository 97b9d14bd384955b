"""Browser journeys: the product as its users meet it, in headless Chromium against a real `solex serve`.

Add a journey with one function:

    @journey("who does what")
    def my_journey(ctx):
        b = ctx.browser
        b.sign_in("focal").go("/needs/new")
        ...
        expect(condition, "what was expected")
"""
import json
import sys
from urllib.parse import quote

from harness import expect, registry, run

JOURNEYS, journey = registry()


def status_badge(b):
    return b.css("main .badge").text.strip().lower()


@journey("a focal point registers an innovation, meets a validation error, fixes it and submits it; the "
         "secretariat publishes it; it appears in search with its facet")
def innovation_from_form_to_search(ctx):
    b = ctx.browser
    ref = "INN-BEN-JOURNEY-1"
    b.sign_in("focal").go("/innovations").click_link("Register an innovation")
    expect(b.path == "/innovations/new", "the list links to the form (at %s)" % b.path)
    b.fill("field-ref", ref).fill("field-title", "Guichet mobile zemidjan des actes de naissance")
    b.fill("field-summary", "Des agents à moto délivrent les actes de naissance dans les villages.")
    b.fill("field-description", "Les agents de l'état civil se déplacent chaque semaine avec une tablette.")
    b.choose("field-origin_country", "BEN").choose("field-themes", "civil-registration").choose("field-languages", "fr")
    b.choose("field-scale", "pilot").choose("field-evidence_level", "monitored")
    b.fill("field-year_started", "2023")
    # The champion agency is required and left empty.
    b.press("Save innovation")
    summary = b.text(".error-summary")
    expect("Champion agency" in summary, "the error summary names the missing field: %r" % summary)
    expect("Champion agency" in b.text("#field-champion-error") or b.css("#field-champion-error").text,
           "the error is shown next to its field")
    expect(b.css("#field-title").get_attribute("value") == "Guichet mobile zemidjan des actes de naissance",
           "what was typed is kept")
    ctx.notes.append("validation error shown: " + summary.replace("\n", " | "))
    b.fill("field-champion", "Agence nationale de l'état civil du Bénin")
    b.press("Save innovation")
    expect(b.path.startswith("/innovations/" + ref), "saved and shown at its page (at %s)" % b.path)
    expect(status_badge(b) == "draft", "a new entry is a draft (badge %r)" % status_badge(b))
    b.press("Submit for review")
    expect(status_badge(b) == "submitted", "submitted (badge %r)" % status_badge(b))
    # Not public yet.
    b.sign_out().go("/search?q=zemidjan")
    expect(ref not in b.text(), "a submitted entry is not in public search")

    b.sign_in("secretariat").go("/review")
    b.click_link("Guichet mobile zemidjan")
    expect(b.path.startswith("/innovations/" + ref), "the review queue links to the entry (at %s)" % b.path)
    b.press("Publish")
    expect(status_badge(b) == "published", "published (badge %r)" % status_badge(b))

    b.sign_out().go("/").fill("site-search-q", "zemidjan")
    b.press("Search", scope="header")
    expect(ref in b.text(), "the published innovation is found by the header search")
    facet = b.css("#facet-theme").find_element("xpath", "..").text
    expect("Civil registration" in facet, "the theme facet lists its theme: %r" % facet)
    b.click_link("Civil registration")
    expect("theme=civil-registration" in b.path, "the facet narrows the search (at %s)" % b.path)
    expect(ref in b.text(), "the innovation is still found within its facet")


@journey("a focal point registers a need; the secretariat runs a match report and reads a pair's explanation")
def need_to_match_report(ctx):
    b = ctx.browser
    ref = "NEED-BEN-JOURNEY-2"
    b.sign_in("focal").go("/needs/new")
    b.fill("field-ref", ref).fill("field-title", "Digital birth registration in rural communes")
    b.fill("field-description", "Births in rural communes are registered late; we want mobile civil registration "
           "with tablets and a national birth registration database.")
    b.choose("field-country", "BEN").choose("field-themes", "civil-registration").choose("field-languages", "en")
    b.fill("field-created", "01/03/2026") if b.css("#field-created").get_attribute("type") == "date" else None
    b.press("Save need")
    if b.all(".error-summary"):
        # Browsers differ in how a date is typed; the server names the field if it was not taken.
        b.css("#field-created").clear()
        b.driver.execute_script("document.getElementById('field-created').value = '2026-03-01'")
        b.press("Save need")
    expect(b.path.startswith("/needs/" + ref), "the need is saved (at %s)" % b.path)
    b.press("Submit for review")
    expect(status_badge(b) == "submitted", "submitted (badge %r)" % status_badge(b))

    b.sign_in("secretariat").go("/needs/" + ref).press("Publish")
    expect(status_badge(b) == "published", "published (badge %r)" % status_badge(b))
    b.go("/reports").fill("field-name", "Journey report")
    b.press("Run and store the report")
    expect(b.path.startswith("/reports/"), "the report is stored and shown (at %s)" % b.path)
    section = b.css("section.report-need h3#need-" + ref).find_element("xpath", "..")
    pair = section.find_element("css selector", "li.report-pair")
    explanation = pair.find_element("css selector", "dl.explanation").text
    expect("Contributions" in explanation, "the pair shows its score's contributions: %r" % explanation)
    expect("Shared words" in explanation and "birth" in explanation,
           "the explanation names the words the need and the innovation share: %r" % explanation)
    expect("Status" in explanation and "Proposed" in explanation, "the pair's follow-up status is shown: %r" % explanation)
    ctx.notes.append("first pair for %s: %s" % (ref, pair.find_element("css selector", ".pair-title").text))


FRENCH_AND_THAI = [
    # (query, a ref it must find)
    ("état civil", "NEED-HTI-001"),
    ("réclamations", "INN-MAR-001"),
    ("พร้อมเพย์", "INN-THA-002"),
    ("หลักประกันสุขภาพ", "INN-THA-001"),
]

# Pages that change the catalogue or accounts: an anonymous visitor is sent to sign in.
WRITE_PAGES = ["/innovations/new", "/needs/new", "/innovations/INN-BEN-001/edit", "/needs/NEED-BEN-001/edit",
               "/innovations/INN-BEN-001/delete", "/needs/NEED-BEN-001/delete", "/review", "/audit", "/users",
               "/reports", "/account/password", "/account/tokens"]


@journey("an anonymous visitor browses, searches in French and in Thai, and cannot reach any write page")
def anonymous_visitor(ctx):
    b = ctx.browser
    b.go("/")
    expect("Sign in" in b.text(".site-account"), "the visitor is not signed in")
    b.click_link("Innovations")
    expect(b.heading() == "Innovations", "the innovations list (heading %r)" % b.heading())
    b.click_link("Union Digital Centres")
    expect(b.path == "/innovations/INN-BGD-001", "an entry's page (at %s)" % b.path)
    expect(not b.all("main form"), "no review or edit form on a public entry page")
    b.click_link("Bangladesh")
    expect("Bangladesh" in b.heading(), "the country page (heading %r)" % b.heading())
    b.go("/needs").click_link("Themes")
    b.click_link("Civil registration")
    expect("Civil registration" in b.heading(), "a theme page (heading %r)" % b.heading())
    b.click_link("SDGs")
    expect(b.all("main a[href^='/sdgs/']"), "the SDG index links to goals")
    for query, ref in FRENCH_AND_THAI:
        b.go("/search").fill("search-q", query).press("Search")
        expect(ref in b.text(), "search %r finds %s" % (query, ref))
        marks = [m.text for m in b.all("main mark")]
        ctx.notes.append("search %r: found %s, highlighted %s" % (query, ref, marks[:3]))
    for path in WRITE_PAGES:
        b.go(path)
        expect(b.path.startswith("/sign-in"), "%s sends the visitor to sign in (at %s)" % (path, b.path))
    # A forged write without a session changes nothing.
    before = json.loads(b.driver.execute_script("return await (await fetch('/api/v1/innovations?per_page=1')).text()"))
    statuses = b.driver.execute_script("""
        const forms = [['/innovations', 'ref=X&title=x'], ['/innovations/INN-BEN-001/delete', ''],
                       ['/innovations/INN-BEN-001/review', 'action=archive']];
        const out = [];
        for (const [path, body] of forms) {
            const r = await fetch(path, {method: 'POST', body, redirect: 'manual',
                                         headers: {'Content-Type': 'application/x-www-form-urlencoded'}});
            out.push(r.type === 'opaqueredirect' ? 'redirect' : r.status);
        }
        const api = await fetch('/api/v1/innovations/INN-BEN-001', {method: 'DELETE'});
        out.push(api.status);
        return out;""")
    expect(all(s == "redirect" or 400 <= s < 500 for s in statuses), "forged writes are refused: %r" % statuses)
    after = json.loads(b.driver.execute_script("return await (await fetch('/api/v1/innovations?per_page=1')).text()"))
    expect(after["total"] == before["total"], "the catalogue is unchanged")
    b.go("/innovations/INN-BEN-001")
    expect(status_badge(b) == "published", "INN-BEN-001 is still published")


if __name__ == "__main__":
    sys.exit(run(JOURNEYS, sys.argv[1] if len(sys.argv) > 1 else ".build/browser-artefacts"))
