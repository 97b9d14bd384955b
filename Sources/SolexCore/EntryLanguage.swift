import Foundation

/// The language an entry is written in (`language`) and the languages its material exists in (`languages`).
///
/// Input written before `language` existed gives only `languages`, whose first item was the entry's language: that
/// item becomes `language`; input that gives `language` and no `languages` gets `[language]`.
public enum EntryLanguage {
    /// The two fields, either of which gives the other.
    public static let fields = ["language", "languages"]

    /// `input` with `language` taken from the first of `languages` when it is not given, and `languages` made of
    /// `language` alone when it is not given.
    public static func fillDefault(_ input: FieldValues) -> FieldValues {
        var input = input
        let listed: Bool = switch input["languages"] {
        case .list(let items)?: !items.isEmpty
        case .null?, nil: false
        default: true
        }
        if !listed, let language = input["language"]?.textValue?.trimmingCharacters(in: .whitespaces), !language.isEmpty {
            input["languages"] = .list([language])
        }
        let given = input["language"]?.textValue?.trimmingCharacters(in: .whitespaces) ?? ""
        if given.isEmpty, case .list(let languages)? = input["languages"], let first = languages.first {
            input["language"] = .text(first)
        }
        return input
    }
}
