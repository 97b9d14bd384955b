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
    /// Raise by one whenever the words produced for a text change (boundaries, folding, what counts as a word). The
    /// store keeps each entry's words for the matcher; words kept under another version are not read.
    public static let version = 1

    /// The words of `text`.
    public static func words(_ text: String) -> [Word] {
        var text = text
        return text.withUTF8 { words(utf8: $0) }
    }

    /// The folded words of `text`, without positions.
    public static func tokens(_ text: String) -> [String] {
        var text = text
        var tokens: [String] = []
        text.withUTF8 { buffer in
            forEachWord(utf8: buffer) { folded, _ in
                tokens.append(String(decoding: folded, as: UTF8.self))
                return true
            }
        }
        return tokens
    }

    /// The words of UTF-8 bytes.
    public static func words(utf8 buffer: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        forEachWord(utf8: buffer) { folded, range in
            words.append(Word(text: String(decoding: folded, as: UTF8.self), range: range))
            return true
        }
        return words
    }

    /// Calls `body` with the folded UTF-8 bytes of each word (valid during the call only) and the word's byte range
    /// in `buffer`, without allocating for ASCII words. `body` returns false to stop.
    public static func forEachWord(utf8 buffer: UnsafeBufferPointer<UInt8>,
                                   _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
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
        guard count > 0 else { return }
        var scratch = [UInt8](repeating: 0, count: 64)
        for range in apostropheSplit(spans: spans, count: Int(count), buffer) {
            let word = UnsafeBufferPointer(rebasing: buffer[range])
            let keepGoing: Bool
            if word.allSatisfy({ $0 < 0x80 }) {
                if scratch.count < word.count { scratch = [UInt8](repeating: 0, count: word.count) }
                keepGoing = scratch.withUnsafeMutableBufferPointer { out in
                    for (position, byte) in word.enumerated() { out[position] = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte }
                    return body(UnsafeBufferPointer(rebasing: out[0..<word.count]), range)
                }
            } else {
                var folded = TextFolding.fold(Substring(String(decoding: word, as: UTF8.self)))
                if folded.isEmpty { continue }
                keepGoing = folded.withUTF8 { body($0, range) }
            }
            if !keepGoing { return }
        }
    }

    /// The word ranges with words cut at apostrophes (' and ’), which ICU keeps inside words: French elisions
    /// ("l'état", "d’identité") must give "état" and "identité".
    static func apostropheSplit(spans: [Int32], count: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for index in 0..<count {
            let start = Int(spans[2 * index]), end = Int(spans[2 * index + 1])
            var partStart = start
            var position = start
            while position < end {
                let isASCIIApostrophe = buffer[position] == 0x27
                let isTypographic = position + 2 < end && buffer[position] == 0xE2 && buffer[position + 1] == 0x80
                    && buffer[position + 2] == 0x99
                if isASCIIApostrophe || isTypographic {
                    if position > partStart { ranges.append(partStart..<position) }
                    position += isASCIIApostrophe ? 1 : 3
                    partStart = position
                } else {
                    position += 1
                }
            }
            if end > partStart { ranges.append(partStart..<end) }
        }
        return ranges
    }
}
