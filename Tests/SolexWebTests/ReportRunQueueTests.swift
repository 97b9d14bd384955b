import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import SolexWeb

/// Match report runs from the web take turns: at most `limit` compute at once, the others wait in arrival order, and
/// one more than `maxWaiting` is refused with 503 and `Retry-After`.
@Suite("Report run queue")
struct ReportRunQueueTests {
    /// Runs that have started and finished, from any thread, and a gate each run waits at until it is opened.
    final class Runs: @unchecked Sendable {
        private let lock = NSLock()
        private var started: [String] = [], gates: [String: DispatchSemaphore] = [:]

        func gate(_ name: String) -> DispatchSemaphore {
            lock.lock()
            defer { lock.unlock() }
            if let gate = gates[name] { return gate }
            let gate = DispatchSemaphore(value: 0)
            gates[name] = gate
            return gate
        }

        /// The work of a run: note that it started, then wait until its gate opens.
        func work(_ name: String) -> String {
            lock.lock()
            started.append(name)
            lock.unlock()
            _ = gate(name).wait(timeout: .now() + 20)
            return name
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return started
        }
    }

    /// Waits (up to 20 s) until `condition` holds.
    static func until(_ condition: @Sendable () async -> Bool) async throws {
        for _ in 0..<4000 where !(await condition()) { try await Task.sleep(for: .milliseconds(5)) }
        #expect(await condition())
    }

    @Test("One run at a time: the second waits for the first, a third beyond the waiting room is refused, then all goes on")
    func turns() async throws {
        let queue = ReportRunQueue(limit: 1, maxWaiting: 1), runs = Runs()
        let first = Task { try await queue.run { runs.work("first") } }
        try await Self.until { runs.all == ["first"] }
        let second = Task { try await queue.run { runs.work("second") } }
        try await Self.until { await queue.waitingCount == 1 }
        #expect(runs.all == ["first"], "the second run waits while the first computes")
        await #expect(throws: ReportRunQueue.Busy.self) { try await queue.run { runs.work("third") } }
        runs.gate("first").signal()
        #expect(try await first.value == "first")
        try await Self.until { runs.all == ["first", "second"] }
        runs.gate("second").signal()
        #expect(try await second.value == "second")
        #expect(await queue.waitingCount == 0)
        runs.gate("fourth").signal()
        #expect(try await queue.run { runs.work("fourth") } == "fourth", "the queue is free again")
    }

    @Test("Two at a time when the limit is two; a failed run frees its turn")
    func limitAndFailure() async throws {
        struct Failed: Error {}
        let queue = ReportRunQueue(limit: 2, maxWaiting: 0), runs = Runs()
        let first = Task { try await queue.run { runs.work("first") } }
        let second = Task { try await queue.run { runs.work("second") } }
        try await Self.until { runs.all.count == 2 }
        await #expect(throws: ReportRunQueue.Busy.self) { try await queue.run { runs.work("third") } }
        runs.gate("first").signal()
        runs.gate("second").signal()
        _ = try await (first.value, second.value)
        await #expect(throws: Failed.self) { try await queue.run { () throws -> Int in throw Failed() } }
        runs.gate("after").signal()
        #expect(try await queue.run { runs.work("after") } == "after")
    }

    @Test("A refused run: 503 with Retry-After, a problem from the API and a page in the reader's language")
    func refusedRun() async throws {
        let problem = Problem(ReportRunQueue.Busy(), logger: Logger(label: "test")).response()
        #expect(problem.status == .serviceUnavailable)
        #expect(problem.headers[.retryAfter] == "30")
        let pages = try PageRenderer(webDirectory: Repository.web)
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: LanguageMiddleware(messages: pages.messages, secureCookies: false))
        router.add(middleware: ErrorMiddleware(pages: pages))
        router.post("reports") { _, _ -> Response in throw ReportRunQueue.Busy() }
        router.post("api/v1/reports") { _, _ -> Response in throw ReportRunQueue.Busy() }
        try await Application(router: router).test(.router) { client in
            let page = try await client.execute(uri: "/reports?lang=fr", method: .post)
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers[.retryAfter] == "30")
            #expect(String(buffer: page.body).contains("le vôtre n’a pas été lancé. Relancez-le dans une minute."))
            let api = try await client.execute(uri: "/api/v1/reports", method: .post)
            #expect(api.status == .serviceUnavailable)
            #expect(api.headers[.retryAfter] == "30")
            #expect(api.headers[.contentType] == "application/problem+json")
        }
    }
}
