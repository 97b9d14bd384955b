import Foundation

extension AgendaGrid {
    /// A trial change: take `removed` out, put `request` at its best free place, place the removed meetings again
    /// wherever they fit best (those that fit nowhere are `evicted`), then place left-out requests of the evicted
    /// meetings' delegations where room was made (`filled`).
    struct Insertion {
        var request: Int
        var removed: [Int]
        var evicted: [Int] = []
        var filled: [Int] = []
        /// The change in total priority, and in the number of meetings.
        var gain: (priority: Double, count: Int) = (-.infinity, 0)

        /// Whether the change is worth making: more total priority, or the same and more meetings.
        var isImprovement: Bool { gain.priority > 1e-9 || (abs(gain.priority) <= 1e-9 && gain.count > 0) }

        func isBetter(than other: Insertion?) -> Bool {
            guard let other else { return true }
            if abs(gain.priority - other.gain.priority) > 1e-9 { return gain.priority > other.gain.priority }
            if gain.count != other.gain.count { return gain.count > other.gain.count }
            return removed.count < other.removed.count
        }
    }

    /// Places left-out requests (not pinned), by priority: directly if a place has come free, else by the best
    /// trial change over the meetings in their way. Every accepted change raises the total priority (or keeps it
    /// and adds meetings); displaced meetings wait their turn in the queue. `budget` bounds the number of trials.
    mutating func repair(budget: inout Int) {
        var queue = index.order.filter { !isPlaced($0) && !isPinned($0) }, next = 0
        while next < queue.count && budget > 0 {
            let r = queue[next]
            next += 1
            guard !isPlaced(r) else { continue }
            if let place = bestPlace(r) {
                self.place(r, place.slot, place.table)
                continue
            }
            var best: Insertion?
            for removed in removalSets(r) where budget > 0 {
                budget -= 1 + removed.count
                let trial = attempt(r, removed, keep: false)
                if trial.isImprovement && trial.isBetter(than: best) { best = trial }
            }
            if let best {
                let done = attempt(r, best.removed, keep: true)
                queue += done.evicted.sorted { index.precedes($0, $1) }
            }
        }
    }

    /// Tries the change; keeps it if `keep`, else puts everything back as it was.
    mutating func attempt(_ r: Int, _ removed: [Int], keep: Bool) -> Insertion {
        var trial = Insertion(request: r, removed: removed)
        let original = removed.map { (slotOf[$0], tableOf[$0]) }
        for m in removed { remove(m) }
        guard let spot = bestPlace(r) else {
            for (m, at) in zip(removed, original) { place(m, at.0, at.1) }
            return trial
        }
        place(r, spot.slot, spot.table)
        var placed: [Int] = []
        for m in removed.sorted(by: { index.precedes($0, $1) }) {
            if let spot = bestPlace(m) { place(m, spot.slot, spot.table); placed.append(m) } else { trial.evicted.append(m) }
        }
        for m in trial.evicted {
            for d in [index.requester[m], index.champion[m]] {
                for other in index.requestsOf[d] where !isPlaced(other) && !isPinned(other) && !trial.evicted.contains(other) {
                    if let spot = bestPlace(other) { place(other, spot.slot, spot.table); trial.filled.append(other) }
                }
            }
        }
        let priority = index.priority
        let lost = trial.evicted.reduce(0.0) { $0 + priority[$1] }, won = trial.filled.reduce(priority[r]) { $0 + priority[$1] }
        trial.gain = (won - lost, 1 + trial.filled.count - trial.evicted.count)
        if !keep {
            for m in [r] + placed + trial.filled { remove(m) }
            for (m, at) in zip(removed, original) { place(m, at.0, at.1) }
        }
        return trial
    }
}
