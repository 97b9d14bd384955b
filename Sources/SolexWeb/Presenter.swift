import Foundation
import SolexCore
import SolexStore

/// Turns stored entries and reference data into view models.
struct Presenter {
    let reference: ReferenceData
    /// The page's language: labels of countries, themes, goals and targets, and dates, are written in it.
    let localizer: Localizer

    /// A country's name in the page's language; the code itself for an unknown one.
    func countryName(_ alpha3: String) -> String {
        reference.country(alpha3).map { localizer.text($0.name) } ?? alpha3
    }

    /// A theme's label in the page's language.
    func themeLabel(_ slug: String) -> String {
        reference.theme(slug).map { localizer.text($0.label) } ?? slug
    }

    /// A language's name in the page's language, e.g. "French" / "français" / "francés".
    func languageName(_ code: String) -> String {
        reference.language(code).map { localizer.text($0.name) } ?? code
    }

    func countryLink(_ alpha3: String) -> LinkView {
        LinkView(label: countryName(alpha3), href: "/countries/\(percentEncoded(alpha3))")
    }

    func themeLink(_ slug: String) -> LinkView {
        LinkView(label: themeLabel(slug), href: "/themes/\(percentEncoded(slug))")
    }

    func targetLink(_ id: String) -> LinkView {
        let target = reference.target(id)
        return LinkView(label: "\(id) \(target.map { localizer.text($0.label) } ?? "")", href: "/sdgs/\(target?.goal ?? 0)")
    }

    func entryHref(_ entry: StoredEntry) -> String { "/\(entry.kind.plural)/\(percentEncoded(entry.ref))" }

    func row(_ entry: StoredEntry) -> EntryRowView {
        EntryRowView(ref: entry.ref, title: entry.title, href: entryHref(entry),
                     kindLabel: entry.kind == .innovation ? "Innovation" : "Need", country: countryLink(entry.country),
                     themes: entry.list("themes").map(themeLink), status: entry.metadata.status.rawValue,
                     updated: Timestamp.day(entry.metadata.updatedAt))
    }

    /// The fields of an entry's page.
    func detailFields(_ entry: StoredEntry) -> [DetailFieldView] {
        entry.kind.fields.filter { $0.name != "ref" && $0.name != "title" }.compactMap { spec in
            let value = entry.values[spec.name] ?? .null
            var field = DetailFieldView(label: spec.label, text: nil, isMultiline: false, links: [], items: [], url: nil)
            switch (spec.kind, value) {
            case (.choice(.countries), .text(let code)): field.links = [countryLink(code)]
            case (.codes(.themes, _, _), .list(let slugs)): field.links = slugs.map(themeLink)
            case (.codes(.sdgTargets, _, _), .list(let ids)): field.links = ids.map(targetLink)
            case (.choice(.languages), .text(let code)): field.text = languageName(code)
            case (.codes(.languages, _, _), .list(let codes)):
                field.items = codes.map { "\(reference.language($0)?.name.en ?? $0) (\($0))" }
            case (_, .list(let items)): field.items = items
            case (.url, .text(let url)): field.url = url
            case (.text(_, _, let multiline), .text(let text)):
                field.text = text
                field.isMultiline = multiline
            case (_, .text(let text)): field.text = text
            case (_, .integer(let number)): field.text = spec.name == "year_started" ? String(number) : number.formatted()
            default: return nil
            }
            if field.text?.isEmpty == true || (field.text == nil && field.links.isEmpty && field.items.isEmpty && field.url == nil) {
                return nil
            }
            return field
        }
    }
}
