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
	sqlite3 \
	python3 \
	wrk \
	curl \
	time \
	libxml2-utils

.DEFAULT_GOAL := help
.PHONY: help deps build release run test bench bench-kit clean

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
	@bash scripts/ensure-python-packages.sh icalendar:icalendar jsonschema:jsonschema
	@SWIFT=$(SWIFT) FRAB_SCHEMAS=$(SHARED)/schemas/frab-schedule bash scripts/run-tests.sh

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
