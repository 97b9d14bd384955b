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
            errors.append(FieldError(field: key, kind == .need
                ? Explanation("reason.not_a_field_need", english: "is not a field of a need")
                : Explanation("reason.not_a_field_innovation", english: "is not a field of an innovation")))
        }
        // Input without `language` (written before it existed) hears about `languages`, which it comes from.
        if !languageGiven && errors.contains(where: { $0.field == "languages" }) { errors.removeAll { $0.field == "language" } }
        return errors.isEmpty ? .success(output) : .failure(ValidationFailure(errors))
    }

    private func check(_ value: FieldValue, _ spec: FieldSpec) -> Result<FieldValue, FieldError> {
        let fail = { (reason: Explanation) in Result<FieldValue, FieldError>.failure(FieldError(field: spec.name, reason)) }
        switch spec.kind {
        case .ref:
            guard let text = value.textValue, !text.isBlank else { return fail(requiredReason(value)) }
            if text.count > FieldLimits.ref { return fail(Self.tooLong(text.count, limit: FieldLimits.ref)) }
            if !Self.isValidRef(text) {
                return fail(Explanation("reason.bad_ref",
                                        english: "may contain only letters, digits, '.', '_' and '-', and must start with a letter or digit"))
            }
            return .success(.text(text))
        case .text(let maxLength, let required, let multiline):
            let text: String
            switch value {
            case .null: text = ""
            case .text(let string): text = string
            default: return fail(Self.mustBeText)
            }
            if required && text.isBlank { return fail(Self.required) }
            if text.count > maxLength { return fail(Self.tooLong(text.count, limit: maxLength)) }
            if let bad = text.unicodeScalars.first(where: { Self.isForbiddenControl($0, multiline: multiline) }) {
                let character = "U+\(String(format: "%04X", bad.value))"
                return fail(bad == "\n" || bad == "\r" ? Explanation("reason.single_line", english: "must be a single line")
                            : bad.value >= 0xE000 ? Explanation("reason.reserved_character", ["character": character],
                                                                english: "contains the character \(character), which Solex reserves")
                            : Explanation("reason.control_character", ["character": character],
                                          english: "contains the control character \(character)"))
            }
            return .success(.text(text))
        case .choice(let vocabulary):
            guard let text = value.textValue, !text.isBlank else { return fail(requiredReason(value)) }
            guard reference.contains(text, in: vocabulary) else { return fail(unknownReason(text, vocabulary)) }
            return .success(.text(text))
        case .codes(let vocabulary, let min, let max):
            guard let items = listItems(value) else { return fail(Self.mustBeList) }
            if let unknown = items.first(where: { !reference.contains($0, in: vocabulary) }) {
                return fail(unknownReason(unknown, vocabulary))
            }
            if let twice = items.firstDuplicate { return fail(Self.listedTwice(twice)) }
            if items.count < min {
                return fail(min == 1 ? Explanation("reason.at_least_one", english: "needs at least one value")
                            : Explanation("reason.at_least", ["min": String(min)], english: "needs at least \(min) values"))
            }
            if items.count > max {
                return fail(Explanation("reason.too_many_values", ["count": String(items.count), "limit": String(max)],
                                        english: "has \(items.count) values; the limit is \(max)"))
            }
            return .success(.list(items))
        case .tags(let maxCount, let maxLength):
            guard let items = listItems(value) else { return fail(Self.mustBeList) }
            if items.contains(where: \.isBlank) { return fail(Explanation("reason.empty_tag", english: "has an empty tag")) }
            if let long = items.first(where: { $0.count > maxLength }) {
                let tag = String(long.prefix(20))
                return fail(Explanation("reason.tag_too_long", ["tag": tag, "count": String(long.count), "limit": String(maxLength)],
                                        english: "has the tag '\(tag)…' of \(long.count) characters; the limit is \(maxLength)"))
            }
            if let bad = items.first(where: { $0.contains(";") || $0.unicodeScalars.contains(where: { Self.isForbiddenControl($0, multiline: false) }) }) {
                return fail(Explanation("reason.bad_tag", ["tag": bad],
                                        english: "has the tag '\(bad)' with ';', a line break or a reserved character (';' separates tags)"))
            }
            if let twice = items.firstDuplicate { return fail(Self.listedTwice(twice)) }
            if items.count > maxCount {
                return fail(Explanation("reason.too_many_tags", ["count": String(items.count), "limit": String(maxCount)],
                                        english: "has \(items.count) tags; the limit is \(maxCount)"))
            }
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
                if text.count > FieldLimits.url { return fail(Self.tooLong(text.count, limit: FieldLimits.url)) }
                guard Self.isWebAddress(text) else {
                    return fail(Explanation("reason.web_address", english: "must be a web address starting with https:// or http://"))
                }
                return .success(.text(text))
            default: return fail(Explanation("reason.web_address_or_null", english: "must be a web address or null"))
            }
        case .date:
            guard let text = value.textValue, !text.isBlank else { return fail(requiredReason(value)) }
            guard Self.isCalendarDate(text) else {
                return fail(Explanation("reason.date", english: "must be a date written YYYY-MM-DD, e.g. 2025-06-30"))
            }
            return .success(.text(text))
        }
    }

    private func checkInteger(_ value: FieldValue, range: ClosedRange<Int>,
                              fail: (Explanation) -> Result<FieldValue, FieldError>) -> Result<FieldValue, FieldError> {
        switch value {
        case .null: return .success(.null)
        case .text(let text) where text.isBlank: return .success(.null)
        case .integer(let number):
            guard range.contains(number) else {
                return fail(Explanation("reason.between", ["min": String(range.lowerBound), "max": String(range.upperBound)],
                                        english: "must be between \(range.lowerBound) and \(range.upperBound)"))
            }
            return .success(.integer(number))
        default: return fail(Explanation("reason.whole_number", english: "must be a whole number or empty"))
        }
    }

    private func listItems(_ value: FieldValue) -> [String]? {
        switch value {
        case .null: []
        case .list(let items): items
        default: nil
        }
    }

    private func requiredReason(_ value: FieldValue) -> Explanation {
        switch value {
        case .null, .text: Self.required
        default: Self.mustBeText
        }
    }

    private func unknownReason(_ value: String, _ vocabulary: Vocabulary) -> Explanation {
        let english = "'\(value)' is not a known \(vocabulary.noun)"
        switch vocabulary {
        case .fixed(let values):
            let list = values.joined(separator: ", ")
            return Explanation("reason.not_one_of", ["value": value, "values": list], english: "'\(value)' is not one of \(list)")
        case .countries: return Explanation("reason.unknown_country", ["value": value], english: english)
        case .sdgTargets: return Explanation("reason.unknown_target", ["value": value], english: english)
        case .themes: return Explanation("reason.unknown_theme", ["value": value], english: english)
        case .languages: return Explanation("reason.unknown_language", ["value": value], english: english)
        }
    }

    /// "is required".
    static let required = Explanation("reason.required", english: "is required")
    /// "must be text".
    static let mustBeText = Explanation("reason.must_be_text", english: "must be text")
    /// "must be a list".
    static let mustBeList = Explanation("reason.must_be_list", english: "must be a list")

    /// "is 250 characters long; the limit is 200".
    static func tooLong(_ count: Int, limit: Int) -> Explanation {
        Explanation("reason.too_long", ["count": String(count), "limit": String(limit)],
                    english: "is \(count) characters long; the limit is \(limit)")
    }

    /// "lists 'x' twice".
    static func listedTwice(_ value: String) -> Explanation {
        Explanation("reason.listed_twice", ["value": value], english: "lists '\(value)' twice")
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
