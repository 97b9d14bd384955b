import Foundation
import GRDB
import SolexText

/// The FTS5 tokenizer "solex": ICU word boundaries and `TextFolding`, through `WordTokenizer`. Registered on every
/// connection, so the index, its triggers and queries all tokenize the same way.
final class SolexFTS5Tokenizer: FTS5CustomTokenizer {
    static let name = "solex"

    init(db: Database, arguments: [String]) throws {}

    func tokenize(context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?,
                  nText: CInt, tokenCallback: @escaping FTS5TokenCallback) -> CInt {
        guard let pText, nText > 0 else { return 0 }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
        var code: CInt = 0
        WordTokenizer.forEachWord(utf8: bytes) { folded, range in
            code = folded.withMemoryRebound(to: CChar.self) { chars in
                tokenCallback(context, 0, chars.baseAddress, CInt(chars.count), CInt(range.lowerBound), CInt(range.upperBound))
            }
            return code == 0
        }
        if code != 0 { return code }
        return 0
    }
}
