import Foundation

extension ConceptThesaurus {
    /// Raise by one whenever the way concepts are found in words changes (`hits(in:)`, `key(_:)`, the gap or the
    /// negations): it is part of the fingerprint, so concepts found and kept before are found again.
    public static let findingVersion = 1

    /// A 64-bit FNV-1a hash, in hexadecimal, of `findingVersion` and of each concept's id and terms (words) by
    /// language, in order. Stable across runs and machines, unlike `Hasher`.
    static func fingerprint(of concepts: [Concept]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            hash ^= 0xFF  // a byte that UTF-8 never holds ends each piece
            hash &*= 0x0000_0100_0000_01b3
        }
        add("finding \(findingVersion)")
        for concept in concepts {
            add(concept.id)
            for language in concept.languages {
                add(language)
                for term in concept.terms[language] ?? [] { add(term.joined(separator: " ")) }
            }
        }
        return String(hash, radix: 16)
    }
}
