import Foundation
import SolexCore
import SolexStore

/// An entry form's state: what the person typed, as text per field, and the problems found.
struct EntryForm {
    let kind: EntryKind
    /// Text per field: list fields keep each chosen or typed item.
    var values: [String: [String]]
    var errors: [FieldError]

    /// A blank form with sensible defaults: written in the interface's language.
    static func blank(_ kind: EntryKind, today: String, language: InterfaceLanguage) -> EntryForm {
        var values: [String: [String]] = ["language": [language.code], "languages": [language.code]]
        if kind == .need { values["created"] = [today] }
        return EntryForm(kind: kind, values: values, errors: [])
    }

    /// The form showing a stored entry.
    static func editing(_ kind: EntryKind, _ stored: FieldValues) -> EntryForm {
        var values: [String: [String]] = [:]
        for spec in kind.fields {
            switch stored[spec.name] ?? .null {
            case .list(let items): values[spec.name] = items
            case let value: values[spec.name] = [TextualInput.cell(of: value)]
            }
        }
        return EntryForm(kind: kind, values: values, errors: [])
    }

    /// The form as posted. Text is trimmed; list items may come one per control value or separated by ';'.
    static func posted(_ kind: EntryKind, _ form: FormData) -> EntryForm {
        var values: [String: [String]] = [:]
        for spec in kind.fields {
            let sent = form.all(spec.name)
            values[spec.name] = spec.isList ? sent.flatMap(TextualInput.splitList)
                : [sent.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""]
            if case .codes = spec.kind, let items = values[spec.name] {
                // A code chosen both in the list and through a suggestion's checkbox counts once.
                var seen = Set<String>()
                values[spec.name] = items.filter { seen.insert($0).inserted }
            }
        }
        return EntryForm(kind: kind, values: values, errors: [])
    }

    /// The field values to validate.
    var input: FieldValues {
        var input = FieldValues()
        for spec in kind.fields {
            let items = values[spec.name] ?? []
            input[spec.name] = spec.isList ? .list(items) : TextualInput.value(of: items.first ?? "", for: spec)
        }
        return input
    }

    /// The controls, in field order, labelled in the page's language. `lockRef` makes the reference read-only (when
    /// editing).
    func fields(presenter: Presenter, lockRef: Bool) -> [FormFieldView] {
        let reference = presenter.reference, localizer = presenter.localizer
        let suggested = suggestions(presenter)
        return kind.fields.map { spec in
            let id = "field-\(spec.name)"
            let error = errors.first { $0.field == spec.name }.map(localizer.reason)
            let items = values[spec.name] ?? []
            var field = FormFieldView(
                name: spec.name, id: id, label: presenter.fieldLabel(spec), help: presenter.help(spec, kind: kind), error: error,
                required: spec.isRequired,
                isText: false, isTextarea: false, isSelect: false, isMultiSelect: false, isNumber: false, isDate: false,
                isURL: false, value: items.joined(separator: "; "), options: [], readonly: lockRef && spec.name == "ref",
                maxLength: nil, describedBy: "")
            switch spec.kind {
            case .ref:
                field.isText = true
                field.maxLength = FieldLimits.ref
            case .text(let maxLength, _, let multiline):
                field.isTextarea = multiline
                field.isText = !multiline
                field.maxLength = maxLength
            case .choice(let vocabulary):
                field.isSelect = true
                field.options = options(spec, vocabulary, selected: Set(items), presenter: presenter)
            case .codes(.languages, _, _):
                field.isText = true
                field.help = localizer.t("help.language_codes")
            case .codes(let vocabulary, _, _):
                field.isMultiSelect = true
                if field.help.isEmpty { field.help = localizer.t("help.choose_several") }
                field.options = options(spec, vocabulary, selected: Set(items), presenter: presenter)
            case .tags:
                field.isText = true
            case .integer, .year:
                field.isNumber = true
            case .url:
                field.isURL = true
                field.maxLength = FieldLimits.url
            case .date:
                field.isDate = true
            }
            field.describedBy = [field.help.isEmpty ? nil : "\(id)-help", error == nil ? nil : "\(id)-error"]
                .compactMap { $0 }.joined(separator: " ")
            field.canSuggest = Self.suggestionFields.contains(spec.name)
            field.suggestionLabel = switch spec.name {
            case "themes": localizer.t("form.suggested_themes")
            case "sdg_targets": localizer.t("form.suggested_targets")
            default: ""
            }
            field.suggestions = suggested[spec.name] ?? []
            field.hasSuggestions = !field.suggestions.isEmpty
            return field
        }
    }

    /// The fields that show suggestions.
    static let suggestionFields: Set<String> = ["themes", "sdg_targets"]
    /// The fields whose text the concept thesaurus reads.
    static let suggestionSources = ["title", "summary", "description", "tags"]
    /// At most this many themes and SDG targets are suggested, each with at least this share of the concepts found.
    static let suggestedThemes = 3, suggestedTargets = 5, minimumShare = 0.1

    /// Themes and SDG targets suggested by the text typed so far, by field name.
    private func suggestions(_ presenter: Presenter) -> [String: [OptionView]] {
        let reference = presenter.reference
        let texts = Self.suggestionSources.compactMap { values[$0]?.joined(separator: "\n") }.filter { !$0.isEmpty }
        guard !texts.isEmpty else { return [:] }
        let found = reference.thesaurus.suggest(texts: texts)
        let themes = Set(values["themes"] ?? []), targets = Set(values["sdg_targets"] ?? [])
        return [
            "themes": found.themes.filter { $0.score >= Self.minimumShare }.prefix(Self.suggestedThemes).compactMap { suggestion in
                reference.theme(suggestion.id).map { OptionView(value: $0.slug, label: presenter.localizer.text($0.label), selected: themes.contains($0.slug)) }
            },
            "sdg_targets": found.sdgTargets.filter { $0.score >= Self.minimumShare }.prefix(Self.suggestedTargets).compactMap { suggestion in
                reference.target(suggestion.id).map {
                    OptionView(value: $0.id, label: "\($0.id) \(presenter.localizer.text($0.label))", selected: targets.contains($0.id))
                }
            },
        ]
    }

    private func options(_ spec: FieldSpec, _ vocabulary: Vocabulary, selected: Set<String>, presenter: Presenter) -> [OptionView] {
        let reference = presenter.reference, localizer = presenter.localizer
        return reference.values(of: vocabulary).map { value in
            let label: String = switch vocabulary {
            case .countries: reference.country(value).map { "\(localizer.text($0.name)) (\(value))" } ?? value
            case .themes: reference.theme(value).map { localizer.text($0.label) } ?? value
            case .sdgTargets: "\(value) \(reference.target(value).map { localizer.text($0.label) } ?? "")"
            case .languages: reference.language(value).map { "\(localizer.text($0.name)) (\(value))" } ?? value
            case .fixed: Self.fixedLabel(spec.name, value, presenter)
            }
            return OptionView(value: value, label: label, selected: selected.contains(value))
        }
    }

    /// A value of a fixed list: its label in the page's language, else the value written out ("study-visit" →
    /// "Study visit").
    private static func fixedLabel(_ field: String, _ value: String, _ presenter: Presenter) -> String {
        let label = presenter.valueLabel(field: field, value)
        return label == value ? value.replacingOccurrences(of: "-", with: " ").capitalizedFirst : label
    }

    /// The error summary at the top of the form, in the page's language.
    func summary(_ presenter: Presenter) -> [FormErrorView] {
        errors.map { error in
            FormErrorView(label: presenter.fieldLabel(error.field, kind: kind), reason: presenter.localizer.reason(error),
                          anchor: "#field-\(error.field)")
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
