import Foundation
import Hummingbird

/// Admits requests to their handlers in arrival order, at most `limit` at a time.
///
/// Handlers read the database and render pages synchronously, so a handler holds one of the few threads of Swift's
/// cooperative pool for its whole length. Without admission, when more requests arrive than the cores can serve, some
/// wait far longer than others (under `make load` on 2 cores, a median of 30 ms next to a 99th percentile of 4 s and
/// time-outs). The application admits one request fewer than there are cores (at least one), so that a thread stays
/// free to read new requests and queue them in the order they came: on 2 cores the catalogue page then answered with a
/// 99th percentile of 1.2 s instead of 4.2 s, at 89 instead of 114 requests a second.
actor FairAdmission {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var next = 0

    /// At most `limit` (at least 1) requests run at once.
    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The admission of the request being handled (set by `FairAdmissionMiddleware`), if any.
    @TaskLocal static var current: FairAdmission?

    /// Runs long work (a match report over the whole catalogue takes seconds) with the request's turn given up: other
    /// requests are admitted meanwhile, and the request then waits its turn again to finish. The work runs on a
    /// Dispatch thread, so no thread of Swift's cooperative pool waits for it. Outside an admitted request (the
    /// command line, tests without the middleware) it simply runs.
    static func outside<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await steppingOut { try await onDispatchThread(work).get() }
    }

    /// Runs `body` with the request's turn given up (other requests are admitted meanwhile), then waits its turn again.
    /// Outside an admitted request it simply runs.
    static func steppingOut<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard let admission = current else { return try await body() }
        await admission.leave()
        let result: Result<T, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        await admission.enter()
        return try result.get()
    }

    /// Runs `work` on a Dispatch thread, so no thread of Swift's cooperative pool waits for it.
    static func onDispatchThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async -> Result<T, any Error> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Result { try work() }) }
        }
    }

    /// Waits until the request may run.
    func enter() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Ends a request's turn: the longest-waiting request runs next.
    func leave() {
        guard next < waiting.count else {
            running -= 1
            return
        }
        let continuation = waiting[next]
        next += 1
        if next > 1024, next * 2 > waiting.count {
            waiting.removeFirst(next)
            next = 0
        }
        continuation.resume()
    }
}

/// Runs every request through a `FairAdmission` queue.
struct FairAdmissionMiddleware<Context: RequestContext>: RouterMiddleware {
    let admission: FairAdmission

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        await admission.enter()
        do {
            let response = try await FairAdmission.$current.withValue(admission) { try await next(request, context) }
            await admission.leave()
            return response
        } catch {
            await admission.leave()
            throw error
        }
    }
}
