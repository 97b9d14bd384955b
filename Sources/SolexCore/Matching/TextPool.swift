import Foundation

/// The best `capacity` candidates by text score seen so far: a bounded min-heap whose root is the weakest kept
/// candidate, so most candidates are turned away with one comparison. Higher text wins; equal text goes to the lower
/// rank (ref order), which keeps results deterministic.
struct TextPool {
    struct Entry {
        var text: Float
        var rank: Int32
        var doc: Int32

        func isBetter(than other: Entry) -> Bool { text != other.text ? text > other.text : rank < other.rank }
    }

    let capacity: Int
    private var heap: [Entry] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        heap.reserveCapacity(self.capacity)
    }

    /// Keeps the entry if it is among the best `capacity` so far.
    mutating func offer(_ entry: Entry) {
        if heap.count < capacity {
            heap.append(entry)
            siftUp(heap.count - 1)
        } else if entry.isBetter(than: heap[0]) {
            heap[0] = entry
            siftDown(0)
        }
    }

    /// The kept entries, best first.
    func bestFirst() -> [Entry] { heap.sorted { $0.isBetter(than: $1) } }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].isBetter(than: heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var weakest = parent
            if left < heap.count && heap[weakest].isBetter(than: heap[left]) { weakest = left }
            if right < heap.count && heap[weakest].isBetter(than: heap[right]) { weakest = right }
            guard weakest != parent else { return }
            heap.swapAt(parent, weakest)
            parent = weakest
        }
    }
}

extension Double {
    /// The value, or 0 when negative: the most a component weighted by it can add to a score.
    var clamped: Double { Swift.max(0, self) }
}
