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
import os
import re
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


def set_value(b, field_id, value):
    """Put VALUE into a date or time control (typing into them depends on the browser's locale)."""
    b.driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", field_id, value)


def fetch_with_session(b, path):
    """GET PATH with the browser's session cookie (a download the browser would save); returns (status, type, body)."""
    import urllib.request
    cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in b.driver.get_cookies())
    request = urllib.request.Request(b.base + path, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


# The slot index of each (date, start) of the last grid read: the value of the move form's slot options.
SLOTS = {}


def agenda_grid(b):
    """The grid on a workshop's page: {(date, start): {table name: request id or None}} and the delegations met at
    each (date, start)."""
    days = b.driver.execute_script("""
        return [...document.querySelectorAll('#grid section.agenda-day')].map(day => ({
            date: day.dataset.date,
            tables: [...day.querySelectorAll('thead th')].slice(1).map(th => th.textContent.trim()),
            rows: [...day.querySelectorAll('tbody tr')].map(row => ({
                time: row.querySelector('th').dataset.start,
                slot: row.querySelector('th').dataset.slot,
                cells: [...row.querySelectorAll('td')].map(td => {
                    const m = td.querySelector('.meeting');
                    return m ? {request: m.dataset.request, who: [...m.querySelectorAll('abbr')].map(a => a.textContent.trim())}
                             : {request: null, who: [], session: !!td.querySelector('.session')};
                })}))}));""")
    cells, busy = {}, {}
    SLOTS.clear()
    for day in days:
        date = day["date"]
        for row in day["rows"]:
            key = (date, row["time"][:5])
            SLOTS[key] = row["slot"]
            cells[key] = {table: cell for table, cell in zip(day["tables"], row["cells"])}
            busy[key] = {who for cell in row["cells"] for who in cell["who"]}
    return cells, busy


def meeting_place(cells, request):
    for key, row in cells.items():
        for table, cell in row.items():
            if cell["request"] == request:
                return key, table
    return None


@journey("an organiser creates a workshop from the report, schedules it, moves a meeting, downloads the ICS and the "
         "printable agenda")
def organiser_workshop(ctx):
    import re
    import icalendar
    b = ctx.browser
    slug = "journey-workshop"
    # The secretariat stores a match report (this journey does not rely on the report of another one).
    b.sign_in("secretariat").go("/reports").fill("field-name", "Organiser journey report")
    b.press("Run and store the report")
    stored = re.match(r"/reports/(\d+)(\?|$)", b.path)
    expect(stored, "the report is stored (at %s)" % b.path)
    report = stored.group(1)

    b.sign_in("organiser").go("/workshops")
    b.click_link("New workshop")
    expect(b.path == "/workshops/new", "the list links to the form (at %s)" % b.path)
    b.fill("workshop-id", slug).fill("workshop-name", "Porto-Novo service delivery workshop")
    b.fill("venue", "Palais des Congrès, Cotonou").fill("time-zone", "Africa/Porto-Novo")
    set_value(b, "first-day", "2026-06-08")
    b.fill("day-count", "2")
    set_value(b, "day-start", "09:00")
    set_value(b, "day-end", "12:00")
    b.fill("slot-minutes", "30").fill("table-count", "6")
    b.choose("report", report)
    b.css("#selection-top").click()
    b.fill("top", "2")
    b.press("Create workshop")
    expect(b.path.startswith("/workshops/" + slug), "the workshop is created and shown (at %s)" % b.path)
    expect("Workshop created." in b.text("body"), "the page says it was created")
    requests = len(b.all("#requests tbody tr"))
    expect(requests > 0, "the report's pairs became meeting requests")
    expect("Not scheduled yet" in b.text("#scheduled-count"), "not scheduled before pressing Schedule")

    b.press("Schedule")
    expect("scheduled=1" in b.path, "the schedule is stored (at %s)" % b.path)
    summary = b.text("#scheduled-count")
    counts = re.search(r"(\d+) of (\d+) requests scheduled; upper bound (\d+)", summary)
    expect(counts, "the page says how many meetings are scheduled of the upper bound: %r" % summary)
    scheduled, total, bound = (int(n) for n in counts.groups())
    expect(0 < scheduled <= bound <= total == requests, "scheduled %d of bound %d (%d requests)" % (scheduled, bound, total))
    cells, busy = agenda_grid(b)
    placed = [cell["request"] for row in cells.values() for cell in row.values() if cell["request"]]
    expect(len(placed) == scheduled, "the grid shows every scheduled meeting (%d shown, %d scheduled)" % (len(placed), scheduled))
    ctx.notes.append("%s: %d requests, %d scheduled, upper bound %d" % (slug, total, scheduled, bound))

    # The meeting to move: the first one (by request) with a free table at a time when neither delegation meets.
    def free_places(request):
        where = meeting_place(cells, request)
        who = set(next(cell["who"] for row in cells.values() for cell in row.values() if cell["request"] == request))
        return who, [(key, table) for key, row in sorted(cells.items()) for table, cell in row.items()
                     if not cell["request"] and not cell.get("session") and not (busy[key] & who) and key != where[0]]
    movable = [request for request in sorted(placed) if free_places(request)[1]]
    expect(movable, "a meeting that can move to a free slot and table")
    moved = movable[0]
    who, free = free_places(moved)
    (start_key, start_table) = meeting_place(cells, moved)
    tables = {option.text: option.get_attribute("value") for option in b.all("#move-table option")}

    def slot_value(key):
        return SLOTS[key]

    # A refused move: onto the table of another meeting at another time; the page names the conflict.
    taken = [(key, table) for key, row in sorted(cells.items()) for table, cell in row.items()
             if cell["request"] and cell["request"] != moved and key != start_key]
    if taken:
        (key, table) = taken[0]
        b.choose("move-request", moved).choose("move-slot", slot_value(key)).choose("move-table", tables[table])
        b.press("Move")
        problem = b.text("#problem")
        expect(problem.startswith("Refused:") and "cannot move" in problem, "the move is refused with its reason: %r" % problem)
        expect(meeting_place(agenda_grid(b)[0], moved) == (start_key, start_table), "the refused move changed nothing")
        ctx.notes.append("refused move: " + problem)

    # The move to a free place.
    (key, table) = free[0]
    b.go("/workshops/" + slug)
    b.choose("move-request", moved).choose("move-slot", slot_value(key)).choose("move-table", tables[table])
    b.press("Move")
    expect("saved=1" in b.path, "the move is stored (at %s)" % b.path)
    cells_after, _ = agenda_grid(b)
    expect(meeting_place(cells_after, moved) == (key, table), "the meeting is shown at %s %s, %s (found %r)"
           % (key[0], key[1], table, meeting_place(cells_after, moved)))
    expect("pinned" in b.text("tr[id=\"request-%s\"]" % moved), "a moved meeting is pinned")
    ctx.notes.append("moved %s from %s %s to %s %s" % (moved, " ".join(start_key), start_table, " ".join(key), table))

    # The calendar file, downloaded with the organiser's session and read by an iCalendar parser.
    status, media_type, body = fetch_with_session(b, "/workshops/%s/agenda.ics" % slug)
    expect(status == 200 and media_type.startswith("text/calendar"), "agenda.ics is a calendar (%s, %s)" % (status, media_type))
    calendar = icalendar.Calendar.from_ical(body)
    events = calendar.walk("VEVENT")
    expect(len(events) == scheduled, "one event per meeting (%d events, %d meetings)" % (len(events), scheduled))
    uids = [str(event["UID"]) for event in events]
    expect(len(set(uids)) == len(uids), "every event has its own UID")
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    expect(zones == ["Africa/Porto-Novo"], "the workshop's time zone is declared: %r" % zones)
    starts = [event.decoded("DTSTART") for event in events]
    expect(all(str(start.tzinfo) == "Africa/Porto-Novo" or getattr(start.tzinfo, "zone", None) == "Africa/Porto-Novo"
               or "Porto-Novo" in repr(start.tzinfo) for start in starts), "times are in the workshop's zone")
    moved_events = [event for event in events
                    if re.search(r"(^|\n)Request: %s$" % re.escape(moved), str(event.get("DESCRIPTION", "")), re.M)]
    expect(len(moved_events) == 1, "the moved meeting's event is found by its request")
    start = moved_events[0].decoded("DTSTART")
    expect((start.strftime("%Y-%m-%d"), start.strftime("%H:%M")) == key,
           "the moved meeting's event starts at its new time (%s)" % start)
    expect(table in str(moved_events[0].get("LOCATION", "")), "the event names its new table")
    ctx.notes.append("agenda.ics: %d events, time zone %s" % (len(events), zones[0]))

    # The printable agenda and one delegation's page.
    b.click_link("Printable HTML")
    expect("/agenda.html" in b.path, "the printable agenda opens (at %s)" % b.path)
    expect(b.css("h1").text == "Porto-Novo service delivery workshop", "it is headed by the workshop's name")
    expect("times in Africa/Porto-Novo" in b.text("body"), "it says the time zone")
    printed = [element.get_attribute("data-request") for element in b.all(".meeting")]
    expect(sorted(printed) == sorted(placed), "it shows every meeting (%d of %d)" % (len(printed), len(placed)))
    requester = sorted(who)[0]
    b.go("/workshops/%s/delegations/%s" % (slug, requester))
    rows = [row.text for row in b.all("table.delegation-meetings tbody tr")]
    import datetime
    day = datetime.date.fromisoformat(key[0])
    written = "%d %s" % (day.day, day.strftime("%B"))  # the page writes days out: "8 June"
    expect(any(written in row and key[1] in row and table in row for row in rows),
           "%s's page lists the moved meeting at %s %s, %s: %r" % (requester, key[0], key[1], table, rows))

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


def catalogue(language):
    """The interface messages of LANGUAGE, read from Web/i18n like the server does."""
    path = os.path.join(os.path.dirname(__file__), "..", "..", "Web", "i18n", language + ".messages")
    messages = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and " = " in line:
                key, text = line.split(" = ", 1)
                messages[key] = text
    return messages


FR, EN = catalogue("fr"), catalogue("en")
# English sentences of the interface that differ from their French text and are long enough not to occur by chance in
# an entry's own text: if one shows on a French page, that page was not (fully) translated.
ENGLISH_SENTENCES = sorted({text for key, text in EN.items()
                            if text != FR[key] and "{" not in text and "<" not in text
                            and len(text) >= 14 and len(text.split()) >= 3})


def english_left(b, selector="body"):
    """The English interface sentences found in the text of SELECTOR on the current page, leaving out what people
    wrote (entries' titles and texts are marked dir="auto"; form controls hold what was typed)."""
    text = b.driver.execute_script("""
        const copy = document.querySelector(arguments[0]).cloneNode(true);
        copy.querySelectorAll('[dir="auto"], input, textarea, select, script, style').forEach(e => e.remove());
        return copy.textContent.replace(/\\s+/g, ' ');""", selector)
    return [sentence for sentence in ENGLISH_SENTENCES if sentence in text]


def in_french(b, ctx, what, selector="body"):
    expect(b.css("html").get_attribute("lang") == "fr", "%s: the page is in French (lang %r)"
           % (what, b.css("html").get_attribute("lang")))
    left = english_left(b, selector)
    expect(not left, "%s: English interface text on a French page: %r" % (what, left[:5]))
    ctx.notes.append("%s in French: %s" % (what, b.path))


@journey("a French-speaking focal point does every task in French: chooses French, signs in, registers an "
         "innovation (with a French error message) and a need, submits them, searches, and reads the member, "
         "SDG map and adoption pages")
def french_focal_point(ctx):
    b = ctx.browser
    b.go("/")
    expect(b.css("html").get_attribute("lang") == "en", "the browser asks for English first")
    b.click_link("Français")
    expect(b.text("nav.site-nav").startswith(FR["nav.home"]), "the header is in French: %r" % b.text("nav.site-nav")[:40])
    in_french(b, ctx, "home page")

    # Sign in on the French sign-in page.
    b.click_link(FR["layout.sign_in"])
    in_french(b, ctx, "sign-in page")
    b.fill("email", "focal-ben@test.example").fill("password", "a long private passphrase for tests")
    b.press(FR["layout.sign_in"])
    expect("Connecté" in b.text(".site-account"), "signed in, said in French: %r" % b.text(".site-account"))

    # Register an innovation; the missing champion agency is reported in French.
    ref = "INN-BEN-FR-1"
    b.go("/innovations").click_link(FR["entries.register_innovation"])
    in_french(b, ctx, "innovation form")
    language = b.css("#field-language option[selected]").get_attribute("value")
    expect(language == "fr", "a new entry is written in French by default (%r)" % language)
    b.fill("field-ref", ref).fill("field-title", "Registre foncier numérique des communes rurales")
    b.fill("field-summary", "Les mairies saisissent les titres fonciers sur tablette et délivrent un certificat.")
    b.fill("field-description", "Chaque commune tient un registre foncier numérique consultable en ligne.")
    b.choose("field-origin_country", "BEN").choose("field-themes", "land-administration")
    b.choose("field-scale", "pilot").choose("field-evidence_level", "monitored").fill("field-year_started", "2024")
    b.press(FR["form.save_innovation"])
    summary = b.text(".error-summary")
    expect(FR["common.fix_problems"] in summary, "the error summary is in French: %r" % summary)
    expect(FR["field.champion"] in summary and FR["reason.required"] in summary,
           "the missing champion agency is named in French: %r" % summary)
    in_french(b, ctx, "form with an error")
    b.fill("field-champion", "Agence nationale du domaine et du foncier")
    b.press(FR["form.save_innovation"])
    expect(b.path.startswith("/innovations/" + ref), "saved (at %s)" % b.path)
    expect(status_badge(b) == FR["status.draft"].lower(), "a draft, said in French (badge %r)" % status_badge(b))
    in_french(b, ctx, "innovation page")
    b.press(FR["entry.action.submit"])
    expect(status_badge(b) == FR["status.submitted"].lower(), "submitted (badge %r)" % status_badge(b))

    # Register a need.
    need = "NEED-BEN-FR-2"
    b.go("/needs").click_link(FR["entries.register_need"])
    b.fill("field-ref", need).fill("field-title", "Cartographie participative des parcelles agricoles")
    b.fill("field-description", "Les agriculteurs veulent faire reconnaître leurs parcelles sans se déplacer au chef-lieu.")
    b.choose("field-country", "BEN")
    if b.css("#field-created").get_attribute("value") == "":
        b.driver.execute_script("document.getElementById('field-created').value = '2026-03-01'")
    b.press(FR["form.save_need"])
    expect(b.path.startswith("/needs/" + need), "the need is saved (at %s)" % b.path)
    in_french(b, ctx, "need page")
    b.press(FR["entry.action.submit"])
    expect(status_badge(b) == FR["status.submitted"].lower(), "the need is submitted (badge %r)" % status_badge(b))

    # Search from the header.
    b.fill("site-search-q", "guichet")
    b.press(FR["layout.search_button"], scope=".site-search")
    expect(b.path.startswith("/search"), "the search page (at %s)" % b.path)
    expect("NEED-BEN-001" in b.text(), "the French search finds the French need")
    in_french(b, ctx, "search results", selector="header")

    # The country's member page, the SDG map and the adoptions.
    b.go("/members/BEN")
    expect("Bénin" in b.heading(), "the member page names Benin in French: %r" % b.heading())
    in_french(b, ctx, "member page")
    b.go("/sdg-map")
    in_french(b, ctx, "SDG map")
    b.go("/adoptions")
    in_french(b, ctx, "adoptions")
    b.go("/account/password")
    in_french(b, ctx, "password page")
    for path in ["/innovations/%s/edit" % ref, "/needs", "/countries", "/countries/BEN", "/themes", "/sdgs", "/sdgs/16",
                 "/members", "/account/tokens", "/innovations/INN-BEN-001", "/needs/NEED-BEN-001", "/no-such-page"]:
        b.go(path)
        in_french(b, ctx, path)

    # Back in English with one click; the choice is kept.
    b.click_link("English")
    expect(b.css("html").get_attribute("lang") == "en", "English again")
    b.go("/innovations")
    expect(b.css("html").get_attribute("lang") == "en", "the choice of English is kept")


if __name__ == "__main__":
    sys.exit(run(JOURNEYS, sys.argv[1] if len(sys.argv) > 1 else ".build/browser-artefacts"))
