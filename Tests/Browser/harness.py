"""Harness for the client suites: a real `solex serve` on a loopback port with its own database, accounts created
with the `solex user` commands, headless Chromium through Selenium, and a small runner that prints `ok`/`FAIL` per
check and ends with `N passed, N failed`.

A check is a function `check(ctx)`; register it with `@check("what it proves")` in a suite module. On failure the
runner saves a screenshot and the page source under the artefact folder and names both in the output.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from dataclasses import dataclass, field

PASSWORD = "a long private passphrase for tests"

# The accounts every suite can use, by role name: (e-mail, role, country).
ACCOUNTS = {
    "admin": ("admin@test.example", "admin", None),
    "secretariat": ("secretariat@test.example", "secretariat", None),
    "organiser": ("organiser@test.example", "organiser", None),
    "focal": ("focal-ben@test.example", "focal_point", "BEN"),
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`solex serve --demo` on 127.0.0.1 with a database of its own in a temporary folder."""

    def __init__(self, solex, repository):
        self.solex = solex
        self.repository = repository
        self.folder = tempfile.mkdtemp(prefix="solex-clients-")
        self.db = os.path.join(self.folder, "solex.sqlite")
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.process = None
        self.tokens = {}

    def cli(self, *args, password=None):
        """Run `solex --db DB ARGS...`; returns its standard output (raises with the output on failure)."""
        env = dict(os.environ)
        if password:
            env["SOLEX_PASSWORD"] = password
        result = subprocess.run([self.solex, "--db", self.db, "--seeds", os.path.join(self.repository, "Seeds"), *args],
                                cwd=self.repository, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise RuntimeError("solex %s failed: %s%s" % (" ".join(args), result.stdout, result.stderr))
        return result.stdout

    def create_accounts(self):
        for name, (email, role, country) in ACCOUNTS.items():
            self.cli("user", "add", "--email", email, "--role", role, *(["--country", country] if country else []),
                     password=PASSWORD)
        for name in ("secretariat", "admin"):
            self.tokens[name] = self.cli("user", "token", "--email", ACCOUNTS[name][0], "--name", "clients").strip()

    def start(self):
        log = open(os.path.join(self.folder, "server.log"), "w")
        self.process = subprocess.Popen(
            [self.solex, "--db", self.db, "--seeds", os.path.join(self.repository, "Seeds"), "serve", "--demo",
             "--host", "127.0.0.1", "--port", str(self.port), "--web", os.path.join(self.repository, "Web")],
            cwd=self.repository, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("solex serve exited: " + open(log.name).read()[-2000:])
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("solex serve did not answer /health within 60 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


class Browser:
    """Headless Chromium driven by Selenium, with the few verbs the checks use."""

    def __init__(self, base):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,1000", "--lang=en-GB", "--disable-extensions"):
            options.add_argument(argument)
        driver = shutil.which("chromedriver")
        if not driver or not options.binary_location:
            raise RuntimeError("chromium and chromium-driver must be installed (make deps)")
        self.driver = webdriver.Chrome(service=Service(driver), options=options)
        self.driver.set_page_load_timeout(60)
        self.base = base
        self.role = None

    # Navigation and reading
    def go(self, path):
        self.driver.get(self.base + path)
        return self

    @property
    def path(self):
        url = self.driver.current_url
        return url[len(self.base):] if url.startswith(self.base) else url

    def title(self):
        return self.driver.title

    def heading(self):
        return self.css("main h1").text

    def text(self, selector="main"):
        return self.css(selector).text

    def css(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def link(self, text):
        """The first link whose visible text contains TEXT."""
        for element in self.all("a"):
            if text in element.text:
                return element
        raise AssertionError("no link containing %r on %s" % (text, self.path))

    def click_link(self, text):
        link = self.link(text)
        self.navigating(link.click)
        return self

    def navigating(self, action):
        """Run ACTION (a click that loads a page) and wait until the new page has replaced the old one."""
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait
        old = self.css("html")
        action()
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(old))
        WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")

    # Forms
    def fill(self, field_id, value):
        element = self.css("#" + field_id)
        element.clear()
        element.send_keys(value)
        return self

    def choose(self, field_id, *values):
        """Select VALUES (by option value) in a select; a multiple select keeps only these. A text field gets the
        values joined with '; '."""
        from selenium.webdriver.support.ui import Select
        element = self.css("#" + field_id)
        if element.tag_name != "select":
            return self.fill(field_id, "; ".join(values))
        select = Select(element)
        if select.is_multiple:
            select.deselect_all()
        for value in values:
            select.select_by_value(value)
        return self

    def press(self, label, scope="main"):
        """Click the submit button whose text is LABEL inside SCOPE. Chromium sometimes reports a button read just
        before as "not in the document" (a script replaced part of the page, or the page was still settling): the
        click did not happen, so the button is found again and clicked."""
        from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait
        page = self.css("html")
        for attempt in range(4):
            try:
                if attempt > 0 and expected_conditions.staleness_of(page)(self.driver):
                    # The click went through after all (the error came while the next page was loading).
                    WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
                    return self
                buttons = [button for button in self.all(scope + " button") if button.text.strip() == label]
                if not buttons:
                    break
                self.navigating(buttons[0].click)
                return self
            except StaleElementReferenceException:
                pass
            except WebDriverException as error:
                if "does not belong to the document" not in str(error) or attempt == 3:
                    raise
            time.sleep(0.3)
        raise AssertionError("no button %r on %s" % (label, self.path))

    # Accounts
    def sign_in(self, role):
        email = ACCOUNTS[role][0]
        self.go("/sign-in").fill("email", email).fill("password", PASSWORD)
        self.press("Sign in")
        expect("Signed in as" in self.text(".site-account"), "signed in as %s" % role)
        self.role = role
        return self

    def sign_out(self):
        self.driver.delete_all_cookies()
        self.role = None
        return self

    def save_artefacts(self, folder, name):
        os.makedirs(folder, exist_ok=True)
        stem = os.path.join(folder, re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")[:80])
        self.driver.save_screenshot(stem + ".png")
        with open(stem + ".html", "w", encoding="utf-8") as f:
            f.write("<!-- %s -->\n" % self.driver.current_url)
            f.write(self.driver.page_source)
        return stem + ".png", stem + ".html"

    def quit(self):
        self.driver.quit()


def expect(condition, what):
    """Fail the check with WHAT when CONDITION is false."""
    if not condition:
        raise AssertionError(what)


@dataclass
class Context:
    """What a check receives: the server, the browser and a place for notes printed under its result."""
    server: Server
    browser: Browser
    notes: list = field(default_factory=list)


@dataclass
class Check:
    name: str
    function: object


def registry():
    """A list and a decorator that appends to it: `CHECKS, check = registry()`."""
    checks = []

    def check(name):
        def register(function):
            checks.append(Check(name, function))
            return function
        return register
    return checks, check


def run(checks, artefacts, prepare=None, keep_session=False, finish=None):
    """Start a server and a browser, run CHECKS in order, print one line each and the `N passed, N failed` summary.
    PREPARE(server), if given, runs after the accounts exist and before the server starts; each check starts signed
    out unless KEEP_SESSION; FINISH(), if given, prints before the summary. Returns the exit status."""
    solex = os.environ.get("SOLEX_BIN", ".build/debug/solex")
    repository = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    passed = failed = 0
    server = Server(os.path.abspath(solex), repository)
    browser = None
    try:
        server.create_accounts()
        if prepare:
            prepare(server)
        server.start()
        browser = Browser(server.base)
    except Exception as error:  # the whole suite fails when its server or browser cannot start
        print("FAIL start: %s" % error)
        server.stop()
        print("0 passed, 1 failed")
        return 1
    shutil.rmtree(artefacts, ignore_errors=True)
    for item in checks:
        context = Context(server, browser)
        started = time.time()
        try:
            if not keep_session:
                browser.sign_out()
            item.function(context)
        except Exception as error:
            failed += 1
            print("FAIL %s (%.1f s)" % (item.name, time.time() - started))
            detail = str(error) if isinstance(error, AssertionError) else traceback.format_exc(limit=3)
            print("     " + detail.strip().replace("\n", "\n     "))
            try:
                png, html = browser.save_artefacts(artefacts, item.name)
                print("     at %s; screenshot %s; page source %s" % (browser.path, png, html))
            except Exception as save_error:
                print("     (no screenshot: %s)" % save_error)
        else:
            passed += 1
            print("ok   %s (%.1f s)" % (item.name, time.time() - started))
        for note in context.notes:
            print("     " + note)
        sys.stdout.flush()
    browser.quit()
    server.stop()
    if finish:
        finish()
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1
