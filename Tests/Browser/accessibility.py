"""Accessibility: axe-core (shipped by axe-selenium-python) on every distinct page template, signed in as each role that
can see it and anonymous. A page passes with 0 serious or critical violations; moderate and minor ones are listed.

Add a page with one line in PAGES: Page(template, path, roles[, action]). ACTION, if given, runs after the page has
loaded (e.g. submit a form empty to see its errors). The check "every page template is in the list" fails when a
template under Web/templates is neither a partial nor named by a Page.
"""
import os
import sys
from collections import Counter
from dataclasses import dataclass

from harness import Check, expect, run

ANONYMOUS = "anonymous"
EVERYONE = (ANONYMOUS, "focal", "secretariat", "admin", "organiser")
PUBLIC = (ANONYMOUS, "secretariat")          # public pages: as a visitor and with the fullest header
ACCOUNTS = ("focal", "secretariat", "admin", "organiser")
EDITORS = ("focal", "secretariat")
REVIEWERS = ("secretariat",)
ADMINS = ("admin",)

# Templates that are only included in other templates.
PARTIALS = {"header", "footer", "field_attrs", "entry_item", "report_body", "report_field", "workshop_field", "agenda_grid",
            "adoption_table", "map_filter", "similar_entries"}
ORGANISERS = ("organiser",)


def submit_empty(label):
    return lambda b: b.press(label)


def wrong_password(b):
    b.fill("email", "nobody@test.example").fill("password", "not the password at all")
    b.press("Sign in")


def duplicate_warning(b):
    """Register an innovation that looks like INN-BGD-001 (same country, theme and words): the form comes back with
    the similar-entry warning (the `similar_entries` fragment) and the box to confirm."""
    b.fill("field-ref", "INN-BGD-A11Y").fill("field-title", "Union Digital Centres: one-stop e-service points run by local entrepreneurs")
    b.fill("field-summary", "A nationwide network of Digital Centres in union councils where local entrepreneurs deliver "
           "government e-services to citizens within walking distance of their homes.")
    b.choose("field-origin_country", "BGD").choose("field-themes", "digital-government")
    b.press("Save innovation")
    expect(b.all(".similar-entries li") and b.all("input[name='not_duplicate']"), "the similar-entry warning is shown")


@dataclass
class Page:
    template: str
    path: str
    roles: tuple
    action: object = None
    note: str = ""


PAGES = [
    Page("home", "/", EVERYONE),
    Page("entry_list", "/innovations", PUBLIC),
    Page("entry_list", "/needs?country=BEN", PUBLIC),
    Page("entry_detail", "/innovations/INN-BGD-001", PUBLIC),
    Page("entry_detail", "/needs/NEED-BEN-001", PUBLIC + ("focal",), note="a need with its proposed innovations"),
    Page("entry_detail", "/needs/NEED-BEN-A11Y", REVIEWERS, note="a submitted entry with review actions"),
    Page("entry_form", "/innovations/new", EDITORS),
    Page("entry_form", "/needs/new", EDITORS),
    Page("entry_form", "/innovations/new", ("focal",), submit_empty("Save innovation"), "with every error shown"),
    Page("entry_form", "/needs/NEED-BEN-001/edit", EDITORS),
    Page("confirm_delete", "/innovations/INN-BEN-001/delete", REVIEWERS),
    Page("countries", "/countries", PUBLIC),
    Page("reference_index", "/themes", PUBLIC),
    Page("reference_index", "/sdgs", PUBLIC),
    Page("reference", "/countries/BGD", PUBLIC),
    Page("reference", "/themes/civil-registration", PUBLIC),
    Page("reference", "/sdgs/16", PUBLIC),
    Page("search", "/search", PUBLIC),
    Page("search", "/search?q=birth+registration&theme=civil-registration", PUBLIC),
    Page("search", "/search?q=%E0%B8%9E%E0%B8%A3%E0%B9%89%E0%B8%AD%E0%B8%A1%E0%B9%80%E0%B8%9E%E0%B8%A2%E0%B9%8C", (ANONYMOUS,),
         note="Thai"),
    Page("sign_in", "/sign-in", (ANONYMOUS,)),
    Page("sign_in", "/sign-in", (ANONYMOUS,), wrong_password, "after a failed sign-in"),
    Page("error", "/innovations/NO-SUCH-ENTRY", (ANONYMOUS, "focal")),
    Page("review_queue", "/review", REVIEWERS + ADMINS),
    Page("audit", "/audit", REVIEWERS),
    Page("users", "/users", ADMINS),
    Page("account_password", "/account/password", ACCOUNTS),
    Page("account_tokens", "/account/tokens", ("focal", "secretariat")),
    Page("reports", "/reports", REVIEWERS),
    Page("reports", "/reports", REVIEWERS, submit_empty("Run and store the report"), "after running a report"),
    Page("report", "/reports/1", REVIEWERS),
    Page("report_print", "/reports/1/print", REVIEWERS),
    Page("report_diff", "/reports/diff?from=1&to=2", REVIEWERS),
    Page("entry_form", "/innovations/new", REVIEWERS, duplicate_warning, "with the similar-entry warning"),
    Page("merge_confirm", "/innovations/INN-BGD-001/merge?duplicate=INN-BGD-002", REVIEWERS),
    Page("workshops", "/workshops", ORGANISERS + ("focal",)),
    Page("workshop_new", "/workshops/new", ORGANISERS),
    Page("workshop_new", "/workshops/new", ORGANISERS, submit_empty("Create workshop"), "with every error shown"),
    Page("workshop", "/workshops/dhaka-2017", ORGANISERS + ("focal",), note="the scheduled grid"),
    Page("agenda_print", "/workshops/dhaka-2017/agenda.html", ORGANISERS, note="the printable grid"),
    Page("agenda_print", "/workshops/dhaka-2017/delegations/BGD", ORGANISERS, note="a delegation's agenda"),
    Page("members", "/members", PUBLIC),
    Page("member", "/members/BGD", PUBLIC),
    Page("member_remove", "/members/BGD/remove", ("secretariat",), note="the question before removing a member"),
    Page("sdg_map", "/sdg-map", PUBLIC),
    Page("sdg_map", "/sdg-map?region=142&theme=health", (ANONYMOUS,), note="filtered"),
    Page("sdg_goal_map", "/sdg-map/16", PUBLIC),
    Page("adoptions", "/adoptions", PUBLIC),
    Page("adoption", "/adoptions/1", PUBLIC),
    Page("adoption", "/adoptions/3", ("focal",), note="an adoption of the focal point's country, with its forms"),
]

IMPACT_ORDER = ["critical", "serious", "moderate", "minor"]


def axe_script():
    """The newest axe-core at hand: the one in axe-playwright-python (installed without Playwright) if present, else
    the one axe-selenium-python ships (3.1.1, which flags valid <div> groups in <dl>)."""
    import importlib.util
    from axe_selenium_python import axe as axe_module
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec and spec.submodule_search_locations:
        candidate = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
        if os.path.exists(candidate):
            return candidate
    return axe_module._DEFAULT_SCRIPT
MINOR_FINDINGS = Counter()


def prepare(server):
    """Demo catalogue and network (members, adoptions), a submitted need for the review queue, two stored reports
    (ids 1 and 2) to compare, and the demo workshop, scheduled."""
    server.cli("seed", "--demo")
    need = os.path.join(server.folder, "a11y-need.jsonl")
    with open(need, "w", encoding="utf-8") as f:
        f.write('{"ref": "NEED-BEN-A11Y", "title": "Accessible civil registration for rural communes", '
                '"description": "Births in rural communes are registered late.", "country": "BEN", '
                '"themes": ["civil-registration"], "sdg_targets": ["16.9"], "tags": [], "support_types": [], '
                '"languages": ["en"], "created": "2026-01-01"}\n')
    server.cli("import", "needs", need, "--status", "submitted")
    server.cli("report", "run", "--name", "First", "--top", "3")
    server.cli("report", "run", "--name", "Second", "--top", "5")
    # The demo workshop, scheduled, for the workshop pages and the printable agendas.
    server.cli("workshop", "create", "--file", os.path.join(server.repository, "Seeds", "workshops", "dhaka-2017.json"))
    server.cli("agenda", "schedule", "dhaka-2017")


def axe_check(page, role):
    def check(ctx):
        from axe_selenium_python import Axe
        b = ctx.browser
        if role != (b.role or ANONYMOUS):
            b.sign_out()
            if role != ANONYMOUS:
                b.sign_in(role)
        b.go(page.path)
        if page.action:
            page.action(b)
        expect(not b.path.startswith("/sign-in") or page.template == "sign_in",
               "%s can open %s (sent to %s)" % (role, page.path, b.path))
        axe = Axe(b.driver, script_url=axe_script())
        axe.inject()
        results = axe.run(options='{"resultTypes": ["violations"]}')
        blocking = []
        for violation in sorted(results["violations"], key=lambda v: (IMPACT_ORDER.index(v.get("impact") or "minor"), v["id"])):
            impact = violation.get("impact") or "minor"
            targets = [" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                       for node in violation["nodes"]]
            line = "%s %s: %s (%d: %s)" % (impact, violation["id"], violation["help"], len(targets), ", ".join(targets[:3]))
            if impact in ("critical", "serious"):
                blocking.append(line)
            else:
                MINOR_FINDINGS[(impact, violation["id"], violation["help"])] += len(targets)
                ctx.notes.append(line)
        expect(not blocking, "serious or critical violations:\n" + "\n".join(blocking))
    label = "%s %s as %s%s" % (page.template, page.path, role, " (%s)" % page.note if page.note else "")
    return Check(label, check)


def templates_covered(ctx):
    folder = os.path.join(ctx.server.repository, "Web", "templates")
    templates = {name[:-len(".mustache")] for name in os.listdir(folder) if name.endswith(".mustache")}
    missing = sorted(templates - PARTIALS - {page.template for page in PAGES})
    unknown = sorted({page.template for page in PAGES} - templates)
    expect(not missing, "templates with no page in the axe list (add a Page line): %s" % ", ".join(missing))
    expect(not unknown, "pages naming templates that do not exist: %s" % ", ".join(unknown))


def axe_version(ctx):
    from axe_selenium_python import Axe
    ctx.browser.go("/")
    axe = Axe(ctx.browser.driver, script_url=axe_script())
    axe.inject()
    version = ctx.browser.driver.execute_script("return axe.version")
    ctx.notes.append("axe-core %s from %s" % (version, axe_script()))
    expect(int(version.split(".")[0]) >= 4, "axe-core 4 or later (found %s)" % version)


def checks():
    items = [Check("every page template is in the list", templates_covered), Check("axe-core is current", axe_version)]
    order = {role: i for i, role in enumerate(EVERYONE)}
    pairs = [(page, role) for page in PAGES for role in page.roles]
    pairs.sort(key=lambda pair: order[pair[1]])  # one sign-in per role
    items += [axe_check(page, role) for page, role in pairs]
    return items


def print_findings():
    if MINOR_FINDINGS:
        print("Moderate and minor findings (impact, rule, nodes over all pages):")
        for (impact, rule, help_text), count in sorted(MINOR_FINDINGS.items(), key=lambda item: IMPACT_ORDER.index(item[0][0])):
            print("  %s %s: %s (%d)" % (impact, rule, help_text, count))
    else:
        print("Moderate and minor findings: none")


if __name__ == "__main__":
    sys.exit(run(checks(), sys.argv[1] if len(sys.argv) > 1 else ".build/accessibility-artefacts", prepare=prepare,
                 keep_session=True, finish=print_findings))
