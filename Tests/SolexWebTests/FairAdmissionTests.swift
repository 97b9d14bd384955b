import Foundation
import Testing
@testable import SolexWeb

@Suite("Fair admission")
struct FairAdmissionTests {
    /// Events in the order they happened, from any thread.
    final class Events: @unchecked Sendable {
        private var items: [String] = []
        private let lock = NSLock()

        func add(_ item: String) {
            lock.lock()
            items.append(item)
            lock.unlock()
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return items
        }
    }

    struct Refused: Error {}

    @Test("Long work gives up the request's turn: a request that came later runs meanwhile, then the first one finishes")
    func outside() async throws {
        let admission = FairAdmission(limit: 1), events = Events()
        let shortRan = DispatchSemaphore(value: 0)
        await admission.enter()
        let long = Task {
            try await FairAdmission.$current.withValue(admission) {
                let value = try await FairAdmission.outside {
                    // Waits for the other request; had the turn not been given up, it could not run, and this times out.
                    events.add(shortRan.wait(timeout: .now() + 20) == .success ? "long work saw the short request" : "long work timed out")
                    return 42
                }
                events.add("long request finished with \(value)")
            }
            await admission.leave()
        }
        await admission.enter()
        events.add("short request ran")
        shortRan.signal()
        await admission.leave()
        try await long.value
        #expect(events.all == ["short request ran", "long work saw the short request", "long request finished with 42"])
    }

    @Test("A failure of the long work reaches the request, and the queue goes on")
    func outsideFailure() async throws {
        let admission = FairAdmission(limit: 1)
        await admission.enter()
        await #expect(throws: Refused.self) {
            try await FairAdmission.$current.withValue(admission) {
                _ = try await FairAdmission.outside { () throws -> Int in throw Refused() }
            }
        }
        await admission.leave()
        await admission.enter()  // would never return if the failure had left the turn taken
        await admission.leave()
    }

    @Test("Outside an admitted request the work simply runs")
    func withoutAdmission() async throws {
        #expect(FairAdmission.current == nil)
        #expect(try await FairAdmission.outside { 7 } == 7)
    }
}
