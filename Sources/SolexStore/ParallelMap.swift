import Foundation

/// Maps a large array on every core, in chunks, keeping the order. Each chunk gets its own JSON decoder.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], chunkSize: Int = 2_000, _ transform: @Sendable (JSONDecoder, Input) -> Output
    ) -> [Output] {
        guard inputs.count > chunkSize else {
            let decoder = JSONDecoder()
            return inputs.map { transform(decoder, $0) }
        }
        let chunks = (inputs.count + chunkSize - 1) / chunkSize
        let results = ChunkResults<Output>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let decoder = JSONDecoder()
            let range = (chunk * chunkSize)..<min(inputs.count, (chunk + 1) * chunkSize)
            results.set(chunk, inputs[range].map { transform(decoder, $0) })
        }
        return results.joined()
    }

    /// The chunks' results, written by one task each.
    private final class ChunkResults<Output>: @unchecked Sendable {
        private var chunks: [[Output]]
        private let lock = NSLock()

        init(count: Int) { chunks = Array(repeating: [], count: count) }

        func set(_ index: Int, _ values: [Output]) {
            lock.lock()
            chunks[index] = values
            lock.unlock()
        }

        func joined() -> [Output] { chunks.flatMap { $0 } }
    }
}
