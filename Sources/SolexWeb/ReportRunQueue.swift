import Foundation

/// Runs the match reports asked for from the pages and the API, at most `limit` at a time, the others in arrival order.
///
/// A run reads the whole catalogue into memory (about 185 MB at 10,000 innovations, 670 MB at 100,000) and takes
/// seconds, so two runs side by side add up their memory for no gain on a small machine. A run gives up its turn in
/// the admission queue while it waits and computes (`FairAdmission.steppingOut`), so pages keep answering. When
/// `maxWaiting` runs already wait, a new one is refused with `Busy` (503 with `Retry-After`) rather than held for
/// minutes.
actor ReportRunQueue {
    /// A run was refused because `maxWaiting` runs already wait for their turn.
    struct Busy: Error, Sendable {
        /// The seconds a client should wait before asking again.
        static let retryAfter = 30
    }

    private let limit: Int
    private let maxWaiting: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// At most `limit` (at least 1) runs at once, and at most `maxWaiting` (at least 0) waiting.
    init(limit: Int, maxWaiting: Int) {
        self.limit = max(1, limit)
        self.maxWaiting = max(0, maxWaiting)
    }

    /// Runs waiting for their turn.
    var waitingCount: Int { waiting.count }

    /// Runs `work` on a Dispatch thread when its turn comes, with the request's admission given up meanwhile.
    nonisolated func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await FairAdmission.steppingOut {
            try await self.enter()
            let result = await FairAdmission.onDispatchThread(work)
            await self.leave()
            return try result.get()
        }
    }

    /// Runs now, or waits its turn, or throws `Busy`.
    private func enter() async throws {
        if running < limit {
            running += 1
            return
        }
        guard waiting.count < maxWaiting else { throw Busy() }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Ends a run: the longest-waiting one starts (it keeps the place in `running`).
    private func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
