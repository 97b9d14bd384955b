import Foundation
import SolexCore
import SolexText

/// The words of an entry's text fields as the matcher reads them (cut and folded by the search tokenizer), and the
/// thesaurus concepts found in them, kept in the entry's row, column `match_words`, whenever the entry is written.
/// Matching the whole catalogue then reads these instead of tokenizing every text and looking for concepts again,
/// which together were a third of `solex match`'s time at 100,000 innovations.
///
/// Layout: a version mark, then one field per text field of the kind (`textFields`), then one field per tag, each
/// field starting with U+001E, words within a field separated by U+001F; then, if concepts were looked for, U+001D,
/// the thesaurus's fingerprint, U+001D, and the indices of the concepts found, in order of first appearance,
/// separated by commas. The tokenizer never yields those characters (they are not letters or digits); an entry whose
/// words would contain them is kept without words.
///
/// Nothing stale is read: words kept under another mark (`WordTokenizer.version` changed since) are not read, and
/// the entry is tokenized again when matched; concepts kept under another thesaurus fingerprint are looked for again
/// in the kept words. `Catalogue.refreshMatchWords()` writes them again when either has changed.
enum MatchWords {
    static let fieldSeparator: UInt8 = 0x1E
    static let wordSeparator: UInt8 = 0x1F
    static let conceptSeparator: UInt8 = 0x1D
    /// The mark at the start of the column; words under any other mark are not read.
    static let mark = "w\(WordTokenizer.version)"

    /// What is kept for one entry.
    struct Kept: Equatable {
        /// The words of the text fields, then of each tag.
        var fields: [[String]]
        /// The concepts found in them, if they were looked for with the thesaurus being read.
        var concepts: [Int]?
    }

    /// The text fields of each kind, in the order they are kept; the tags follow, one field each.
    static func textFields(_ kind: EntryKind) -> [String] {
        switch kind {
        case .innovation: ["title", "summary", "description"]
        case .need: ["title", "description"]
        }
    }

    /// The fields whose words are kept: the text fields, then the tags.
    static func sourceFields(_ kind: EntryKind) -> [FieldSpec] {
        let names = textFields(kind) + ["tags"]
        return kind.fields.filter { names.contains($0.name) }
    }

    /// The words of the entry's text fields, then of each of its tags.
    static func words(_ kind: EntryKind, _ values: FieldValues) -> [[String]] {
        let texts = textFields(kind).map { values[$0]?.textValue ?? "" } + (values["tags"]?.listValue ?? [])
        return texts.map(WordTokenizer.tokens)
    }

    /// The concepts of `thesaurus` named in the fields, once each, in order of first appearance. Each field is
    /// searched on its own, so that a term never runs from one field into the next.
    static func concepts(in fields: [[String]], _ thesaurus: ConceptThesaurus) -> [Int] {
        var seen = Set<Int>()
        return fields.flatMap { thesaurus.conceptIndices(in: $0) }.filter { seen.insert($0).inserted }
    }

    /// The column's value for the entry (with its concepts when a thesaurus is given), or nil if its words cannot be
    /// kept.
    static func stored(_ kind: EntryKind, _ values: FieldValues, thesaurus: ConceptThesaurus?) -> String? {
        let fields = words(kind, values)
        return encode(fields, concepts: thesaurus.map { ($0.fingerprint, concepts(in: fields, $0)) })
    }

    /// The fields' words and the concepts in the column's layout, or nil if a word holds a control character.
    static func encode(_ fields: [[String]], concepts: (fingerprint: String, indices: [Int])? = nil) -> String? {
        var bytes = Array(mark.utf8)
        for field in fields {
            bytes.append(fieldSeparator)
            for (position, word) in field.enumerated() {
                if position > 0 { bytes.append(wordSeparator) }
                for byte in word.utf8 {
                    if byte < 0x20 { return nil }
                    bytes.append(byte)
                }
            }
        }
        if let concepts {
            bytes.append(conceptSeparator)
            bytes += Array(concepts.fingerprint.utf8)
            bytes.append(conceptSeparator)
            bytes += Array(concepts.indices.map(String.init).joined(separator: ",").utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What `text` keeps, or nil if it was written under another mark or has fewer than `fixedFields` fields. The
    /// concepts are read only if they were found with `thesaurus` (same fingerprint).
    static func decode(_ text: String, fixedFields: Int, thesaurus: ConceptThesaurus) -> Kept? {
        var text = text
        let mark = Array(Self.mark.utf8) + [fieldSeparator]
        return text.withUTF8 { bytes -> Kept? in
            guard bytes.count >= mark.count, bytes.prefix(mark.count).elementsEqual(mark) else { return nil }
            let end = bytes.firstIndex(of: conceptSeparator) ?? bytes.count
            var fields: [[String]] = []
            var field: [String] = []
            var start = mark.count
            for position in mark.count...end {
                let byte = position < end ? bytes[position] : fieldSeparator
                guard byte == wordSeparator || byte == fieldSeparator else { continue }
                if position > start || byte == wordSeparator {
                    field.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
                }
                if byte == fieldSeparator {
                    fields.append(field)
                    field = []
                }
                start = position + 1
            }
            guard fields.count >= fixedFields else { return nil }
            return Kept(fields: fields, concepts: end < bytes.count ? conceptIndices(section: bytes[(end + 1)...], thesaurus) : nil)
        }
    }

    /// The concept indices of a concept section (fingerprint U+001D indices), or nil if they were found with another
    /// thesaurus or cannot be read.
    private static func conceptIndices(section: Slice<UnsafeBufferPointer<UInt8>>, _ thesaurus: ConceptThesaurus) -> [Int]? {
        guard let separator = section.firstIndex(of: conceptSeparator),
              section[..<separator].elementsEqual(thesaurus.fingerprint.utf8) else { return nil }
        let list = section[(separator + 1)...]
        if list.isEmpty { return [] }
        var indices: [Int] = []
        for item in list.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            guard let index = Int(String(decoding: UnsafeBufferPointer(rebasing: item), as: UTF8.self)), thesaurus.concepts.indices.contains(index) else {
                return nil
            }
            indices.append(index)
        }
        return indices
    }
}
