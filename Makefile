# Solex: build, run, test and benchmark. `make help` lists the targets.
# Logic lives in scripts/; this file only wires it together.

SWIFT   ?= swift
HOST    ?= 127.0.0.1
PORT    ?= 8080
DB      ?= solex.sqlite
SHARED  ?= ../shared

BENCH_INNOVATIONS ?= 100000
BENCH_NEEDS       ?= 10000
BENCH_SEED        ?= 42
BENCH_WORKERS     ?= 2
BENCH_DATA        ?= bench-data

# Debian packages the build, tests and benchmark need; add new ones here, one per line.
DEB_PACKAGES := \
	libsqlite3-dev \
	libicu-dev \
	zlib1g-dev \
	sqlite3 \
	python3 \
	wrk \
	curl \
	time \
	libxml2-utils \
	chromium \
	chromium-driver \
	fonts-thai-tlwg \
	fonts-noto-core

# PyPI packages of the test suites (PACKAGE==VERSION:MODULE), pinned so every machine runs the same checks.
PY_TEST_PACKAGES := \
	icalendar:icalendar \
	jsonschema:jsonschema \
	selenium==4.51.0:selenium \
	axe-selenium-python==2.1.6:axe_selenium_python \
	schemathesis==4.32.5:schemathesis
# Installed without its Playwright dependency: only its current axe-core (axe.min.js) is used, through
# axe-selenium-python, whose own axe-core (3.1.1) is too old for valid HTML such as <div> groups in <dl>.
PY_TEST_NO_DEPS := axe-playwright-python==0.1.8:axe_playwright_python

DURATION    ?= 30s
CONNECTIONS ?= 64

.DEFAULT_GOAL := help
.PHONY: help deps build release run test fuzz load bench bench-kit clean

help: ## List the targets
	@echo "Usage: make TARGET [VAR=value ...]"
	@grep -E '^[a-z-]+:.*## ' $(firstword $(MAKEFILE_LIST)) | \
		awk 'BEGIN { FS = ":.*## " } { printf "  %-8s %s\n", $$1, $$2 }'
	@echo "Variables: HOST=$(HOST) PORT=$(PORT) DB=$(DB) SHARED=$(SHARED)"
	@echo "           BENCH_INNOVATIONS=$(BENCH_INNOVATIONS) BENCH_NEEDS=$(BENCH_NEEDS) BENCH_SEED=$(BENCH_SEED)"

deps: ## Install missing system packages (as root) and check for Swift
	@bash scripts/ensure-debian-packages.sh $(DEB_PACKAGES)
	@bash scripts/check-swift.sh $(SWIFT)

build: deps ## Debug build
	$(SWIFT) build

release: deps ## Release build
	$(SWIFT) build -c release

run: build ## Serve on HOST:PORT with database DB (demo data goes into an empty database)
	.build/debug/solex --db $(DB) serve --host $(HOST) --port $(PORT)

test: deps ## Run all test suites; ends with `N passed, N failed`
	@bash scripts/ensure-python-packages.sh $(PY_TEST_PACKAGES)
	@bash scripts/ensure-python-packages.sh --no-deps $(PY_TEST_NO_DEPS)
	@SWIFT=$(SWIFT) FRAB_SCHEMAS=$(SHARED)/schemas/frab-schedule bash scripts/run-tests.sh

fuzz: deps ## Longer API fuzzing (Schemathesis, stateful, more examples); FUZZ_EXAMPLES=N FUZZ_SEED=S
	@bash scripts/ensure-python-packages.sh $(PY_TEST_PACKAGES)
	@SWIFT=$(SWIFT) FUZZ_LONG=1 bash scripts/api-fuzz.sh

load: bench-kit release ## Load test with wrk on loopback over 100k innovations/10k needs; DURATION=30s CONNECTIONS=64
	@SHARED=$(SHARED) SOLEX_BIN=.build/release/solex BENCH_DATA=$(BENCH_DATA) BENCH_INNOVATIONS=$(BENCH_INNOVATIONS) \
		BENCH_NEEDS=$(BENCH_NEEDS) BENCH_SEED=$(BENCH_SEED) BENCH_WORKERS=$(BENCH_WORKERS) \
		DURATION=$(DURATION) CONNECTIONS=$(CONNECTIONS) bash scripts/load-tests.sh

bench-kit:
	@SHARED=$(SHARED) bash scripts/bench-import.sh --check-kit

bench: bench-kit release ## Benchmarks: import vs sqlite3 .import, search vs bare FTS5 and HTTP, matcher vs peers (needs SHARED/bench)
	@SHARED=$(SHARED) SOLEX_BIN=.build/release/solex BENCH_DATA=$(BENCH_DATA) \
		BENCH_INNOVATIONS=$(BENCH_INNOVATIONS) BENCH_NEEDS=$(BENCH_NEEDS) \
		BENCH_SEED=$(BENCH_SEED) BENCH_WORKERS=$(BENCH_WORKERS) \
		bash scripts/bench-import.sh
	@SOLEX_BIN=.build/release/solex BENCH_DATA=$(BENCH_DATA) BENCH_INNOVATIONS=$(BENCH_INNOVATIONS) \
		BENCH_NEEDS=$(BENCH_NEEDS) BENCH_SEED=$(BENCH_SEED) bash scripts/bench-search.sh
	@bash scripts/ensure-python-packages.sh scikit-learn:sklearn rank-bm25:rank_bm25
	@SHARED=$(SHARED) SOLEX_BIN=.build/release/solex BENCH_DATA=$(BENCH_DATA) BENCH_SEED=$(BENCH_SEED) \
		BENCH_WORKERS=$(BENCH_WORKERS) BENCH_MATCH_SCALES="10000:2000 $(BENCH_INNOVATIONS):$(BENCH_NEEDS)" \
		bash scripts/bench-match.sh
	@.build/release/solex agenda bench

clean: ## Remove build products and benchmark data
	rm -rf .build $(BENCH_DATA)
