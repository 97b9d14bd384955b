import Foundation

/// Checks an entry's raw fields against its kind's rules and returns them in canonical form.
///
/// One validator serves every entry point: web forms, the JSON API and bulk import.
public struct EntryValidator: Sendable {
    /// The vocabularies to check codes against.
    public let reference: ReferenceData
    /// The latest allowed `year_started` is the year after this one.
    public let currentYear: Int

    /// Creates a validator.
    public init(reference: ReferenceData, currentYear: Int = Calendar(identifier: .gregorian).component(.year, from: Date())) {
        self.reference = reference
        self.currentYear = currentYear
    }

    /// Validates `input` as an entry of `kind`. Missing optional fields become null or an empty list;
    /// fields the kind does not have are reported as unknown.
    public func validate(_ input: FieldValues, kind: EntryKind) -> Result<FieldValues, ValidationFailure> {
        let languageGiven = !(input["language"]?.textValue?.isBlank ?? true)
        let input = EntryLanguage.fillDefault(input)
        var output = FieldValues()
        var errors: [FieldError] = []
        for spec in kind.fields {
            switch check(input[spec.name] ?? .null, spec) {
            case .success(let value): output[spec.name] = value
            case .failure(let error): errors.append(error)
            }
        }
        let known = Set(kind.fields.map(\.name))
        for key in input.keys.sorted() where !known.contains(key) {
            errors.append(FieldError(field: key, reason: "is not a field of \(kind.plural == "needs" ? "a need" : "an innovation")"))
        }
        // Input without `language` (written before it existed) hears about `languages`, which it comes from.
        if !languageGiven && errors.contains(where: { $0.field == "languages" }) { errors.removeAll { $0.field == "language" } }
        return errors.isEmpty ? .success(EntryLanguage.includeInLanguages(output)) : .failure(ValidationFailure(errors))
    }

    private func check(_ value: FieldValue, _ spec: FieldSpec) -> Result<FieldValue, FieldError> {
        let fail = { (reason: String) in Result<FieldValue, FieldError>.failure(FieldError(field: spec.name, reason: reason)) }
        switch spec.kind {
        case .ref:
            guard let text = value.textValue, !text.isBlank else { return fail(requiredReason(value)) }
            if text.count > FieldLimits.ref { return fail("is \(text.count) characters long; the limit is \(FieldLimits.ref)") }
            if !Self.isValidRef(text) {
                return fail("may contain only letters, digits, '.', '_' and '-', and must start with a letter or digit")
            }
            return .success(.text(text))
        case .text(let maxLength, let required, let multiline):
            let text: String
            switch value {
            case .null: text = ""
            case .text(let string): text = string
            default: return fail("must be text")
            }
            if required && text.isBlank { return fail("is required") }
            if text.count > maxLength { return fail("is \(text.count) characters long; the limit is \(maxLength)") }
            if let bad = text.unicodeScalars.first(where: { Self.isForbiddenControl($0, multiline: multiline) }) {
                return fail(bad == "\n" || bad == "\r" ? "must be a single line"
                            : bad.value >= 0xE000 ? "contains the character U+\(String(format: "%04X", bad.value)), which Solex reserves"
                            : "contains the control character U+\(String(format: "%04X", bad.value))")
            }
            return .success(.text(text))
        case .choice(let vocabulary):
            guard let text = value.textValue, !text.isBlank else { return fail(requiredReason(value)) }
            guard reference.contains(text, in: vocabulary) else { return fail(unknownReason(text, vocabulary)) }
            return .success(.text(text))
        case .codes(let vocabulary, let min, let max):
            guard let items = listItems(value) else { return fail("must be a list") }
            if let unknown = items.first(where: { !reference.contains($0, in: vocabulary) }) {
                return fail(unknownReason(unknown, vocabulary))
            }
            if let twice = items.firstDuplicate { return fail("lists '\(twice)' twice") }
            if items.count < min { return fail(min == 1 ? "needs at least one value" : "needs at least \(min) values") }
            if items.count > max { return fail("has \(items.count) values; the limit is \(max)") }
            return .success(.list(items))
        case .tags(let maxCount, let maxLength):
            guard let items = listItems(value) else { return fail("must be a list") }
            if items.contains(where: \.isBlank) { return fail("has an empty tag") }
            if let long = items.first(where: { $0.count > maxLength }) {
                return fail("has the tag '\(long.prefix(20))…' of \(long.count) characters; the limit is \(maxLength)")
            }
            if let bad = items.first(where: { $0.contains(";") || $0.unicodeScalars.contains(where: { Self.isForbiddenControl($0, multiline: false) }) }) {
                return fail("has the tag '\(bad)' with ';', a line break or a reserved character (';' separates tags)")
            }
            if let twice = items.firstDuplicate { return fail("lists '\(twice)' twice") }
            if items.count > maxCount { return fail("has \(items.count) tags; the limit is \(maxCount)") }
            return .success(.list(items))
        case .integer(let range):
            return checkInteger(value, range: range, fail: fail)
        case .year:
            return checkInteger(value, range: 1800...(currentYear + 1), fail: fail)
        case .url:
            switch value {
            case .null: return .success(.null)
            case .text(let text) where text.isEmpty: return .success(.null)
            case .text(let text):
                if text.count > FieldLimits.url { return fail("is \(text.count) characters long; the limit is \(FieldLimits.url)") }
                guard Self.isWebAddress(text) else { return fail("must be a web address starting with https:// or http://") }
                return .success(.text(text))
            default: return fail("must be a web address or null")
            }
        case .date:
            guard let text = value.textValue, !text.isBlank else { return fail(requiredReason(value)) }
            guard Self.isCalendarDate(text) else { return fail("must be a date written YYYY-MM-DD, e.g. 2025-06-30") }
            return .success(.text(text))
        }
    }

    private func checkInteger(_ value: FieldValue, range: ClosedRange<Int>,
                              fail: (String) -> Result<FieldValue, FieldError>) -> Result<FieldValue, FieldError> {
        switch value {
        case .null: return .success(.null)
        case .text(let text) where text.isBlank: return .success(.null)
        case .integer(let number):
            guard range.contains(number) else {
                return fail("must be between \(range.lowerBound) and \(range.upperBound)")
            }
            return .success(.integer(number))
        default: return fail("must be a whole number or empty")
        }
    }

    private func listItems(_ value: FieldValue) -> [String]? {
        switch value {
        case .null: []
        case .list(let items): items
        default: nil
        }
    }

    private func requiredReason(_ value: FieldValue) -> String {
        switch value {
        case .null, .text: "is required"
        default: "must be text"
        }
    }

    private func unknownReason(_ value: String, _ vocabulary: Vocabulary) -> String {
        if case .fixed(let values) = vocabulary {
            return "'\(value)' is not one of \(values.joined(separator: ", "))"
        }
        return "'\(value)' is not a known \(vocabulary.noun)"
    }

    /// Whether `text` is a well-formed reference (length is checked separately).
    public static func isValidRef(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "." || $0 == "_" || $0 == "-" }
    }

    static func isForbiddenControl(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        if scalar == "\n" || scalar == "\r" { return !multiline }
        if scalar == "\t" { return false }
        // U+E000 and U+E001 mark matches in search snippets, so entries may not contain them.
        return scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xE000 || scalar.value == 0xE001
    }

    static func isWebAddress(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let url = URL(string: text),
              let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, !host.isEmpty else { return false }
        return true
    }

    /// Whether `text` is a real calendar date written YYYY-MM-DD.
    public static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

extension String {
    /// Whether the string is empty or only white space.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}

extension Array where Element: Hashable {
    /// The first element that appears a second time.
    var firstDuplicate: Element? {
        var seen = Set<Element>()
        for element in self where !seen.insert(element).inserted { return element }
        return nil
    }
}
