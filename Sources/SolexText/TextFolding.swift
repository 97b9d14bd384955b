import Foundation

/// The normalisation applied to every indexed word and every query word: Unicode compatibility forms (NFKC),
/// lower case, no diacritics on Latin, Greek, Cyrillic or Arabic letters ("Bénin" = "benin", "São Tomé" = "sao tome"),
/// no Arabic tatweel. Marks that are part of a letter in other scripts (Thai, Bangla and other Indic vowel signs) are kept.
public enum TextFolding {
    /// Folds one word.
    public static func fold(_ word: Substring) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: word.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        let decomposed = String(word).decomposedStringWithCompatibilityMapping.lowercased()
        var scalars = String.UnicodeScalarView()
        var base: Unicode.Scalar?
        for scalar in decomposed.unicodeScalars {
            if scalar == "\u{0640}" { continue }
            if scalar.properties.generalCategory == .nonspacingMark, let base, Self.dropsMarks(base) { continue }
            if scalar.properties.generalCategory != .nonspacingMark { base = scalar }
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Letters whose combining marks are accents to ignore rather than parts of the letter.
    static func dropsMarks(_ base: Unicode.Scalar) -> Bool {
        switch base.value {
        case 0x0000...0x052F: true  // Latin, Greek, Cyrillic
        case 0x0600...0x06FF, 0x0750...0x077F: true  // Arabic harakat
        case 0x1E00...0x1FFF: true  // Latin Extended Additional (Vietnamese), Greek Extended
        default: false
        }
    }
}
