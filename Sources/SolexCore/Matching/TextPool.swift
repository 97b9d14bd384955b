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

    /// Offers every document with a positive text score, `texts[doc]`, unless its country is `excluded`, in document
    /// order. Scores the pool would turn away are passed over with one comparison.
    mutating func offer(_ texts: UnsafeBufferPointer<Float>, countries: UnsafeBufferPointer<Int32>, excluding excluded: Int32,
                        ranks: UnsafeBufferPointer<Int32>) {
        // The least score worth offering: positive, and not below the weakest kept once the pool is full.
        var least = Swift.max(floor, .leastNonzeroMagnitude)
        for doc in 0..<texts.count where texts[doc] >= least && countries[doc] != excluded {
            offer(Entry(text: texts[doc], rank: ranks[doc], doc: Int32(doc)))
            least = Swift.max(floor, .leastNonzeroMagnitude)
        }
    }

    /// A text score below this cannot be kept (the weakest kept text once the pool is full, else 0).
    var floor: Float { heap.count < capacity ? 0 : heap[0].text }

    /// The best kept text, or 0 when nothing is kept.
    var bestText: Float { heap.lazy.map(\.text).max() ?? 0 }

    /// The kept entries, best first.
    func bestFirst() -> [Entry] { heap.sorted { $0.isBetter(than: $1) } }

    /// Moves the entry at `start` up while it is weaker than its parent (the root is the weakest).
    private mutating func siftUp(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            let entry = heap[start]
            var child = start
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[parent].isBetter(than: entry) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = entry
        }
    }

    /// Moves the entry at `start` down while a child is weaker.
    private mutating func siftDown(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            let entry = heap[start]
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                guard left < heap.count else { break }
                let weaker = right < heap.count && heap[left].isBetter(than: heap[right]) ? right : left
                guard entry.isBetter(than: heap[weaker]) else { break }
                heap[parent] = heap[weaker]
                parent = weaker
            }
            heap[parent] = entry
        }
    }
}

extension Double {
    /// The value, or 0 when negative: the most a component weighted by it can add to a score.
    var clamped: Double { Swift.max(0, self) }
}
