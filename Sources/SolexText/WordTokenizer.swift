import CICUWords
import Foundation

/// A word of a text: its folded form and where it stands in the UTF-8 bytes of the original.
public struct Word: Sendable, Hashable {
    /// The folded word (see `TextFolding`).
    public var text: String
    /// Byte range of the word in the original UTF-8 text.
    public var range: Range<Int>
}

/// Splits text into folded words with ICU word boundaries. The one tokenizer of Solex: the search index, search
/// queries and the matcher all use it, so that Thai, Bangla, accented and Arabic text match the same way everywhere.
public enum WordTokenizer {
    /// The words of `text`.
    public static func words(_ text: String) -> [Word] {
        var text = text
        return text.withUTF8 { words(utf8: $0) }
    }

    /// The folded words of `text`, without positions.
    public static func tokens(_ text: String) -> [String] {
        words(text).map(\.text)
    }

    /// The words of UTF-8 bytes.
    public static func words(utf8 buffer: UnsafeBufferPointer<UInt8>) -> [Word] {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return [] }
        let length = Int32(clamping: buffer.count)
        var capacity = max(16, buffer.count / 4)
        var spans = [Int32](repeating: 0, count: 2 * capacity)
        var count = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            solex_word_spans($0, length, &spans, Int32(capacity))
        }
        if count > capacity {
            capacity = Int(count)
            spans = [Int32](repeating: 0, count: 2 * capacity)
            count = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                solex_word_spans($0, length, &spans, Int32(capacity))
            }
        }
        guard count > 0 else { return [] }
        var words: [Word] = []
        words.reserveCapacity(Int(count))
        for index in 0..<Int(count) {
            let start = Int(spans[2 * index]), end = Int(spans[2 * index + 1])
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            let folded = TextFolding.fold(Substring(String(decoding: slice, as: UTF8.self)))
            if !folded.isEmpty { words.append(Word(text: folded, range: start..<end)) }
        }
        return words
    }
}
