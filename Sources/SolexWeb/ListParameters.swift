import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The paging, sorting and filtering parameters of an entry list, read from a query string.
/// The same parsing serves the list pages and the API; bad values become field errors.
struct ListParameters {
    var query: EntryQuery
    var errors: [FieldError] = []

    /// `strict` (the API): a parameter given empty or more than once is an error; pages treat an empty value as absent.
    init(kind: EntryKind, request: Request, reference: ReferenceData, strict: Bool = false) {
        let parameters = request.uri.queryParameters
        var errors: [FieldError] = []
        func text(_ name: String) -> String? {
            if strict {
                let values = parameters.getAll(name)
                if values.count > 1 { errors.append(FieldError(field: name, Explanation("list.reason.once", english: "must be given at most once"))) }
                return values.first
            }
            guard let value = parameters.get(name), !value.isEmpty else { return nil }
            return value
        }
        func integer(_ name: String, _ range: ClosedRange<Int>, _ fallback: Int) -> Int {
            guard let raw = text(name) else { return fallback }
            guard let value = Int(raw), range.contains(value) else {
                errors.append(FieldError(field: name, Explanation(
                    "list.reason.whole_number", ["min": String(range.lowerBound), "max": String(range.upperBound)],
                    english: "must be a whole number from \(range.lowerBound) to \(range.upperBound)")))
                return fallback
            }
            return value
        }
        let page = integer("page", 1...1_000_000, 1)
        let perPage = integer("per_page", 1...100, 20)
        var sort = EntrySort.ref
        if let raw = text("sort") {
            if let value = EntrySort(rawValue: raw) { sort = value } else {
                let values = EntrySort.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(FieldError(field: "sort", Explanation("list.reason.sort", ["values": values], english: "must be one of \(values)")))
            }
        }
        let order = text("order") ?? "asc"
        if order != "asc" && order != "desc" { errors.append(FieldError(field: "order", Explanation("list.reason.order", english: "must be asc or desc"))) }
        let country = text("country")
        if let country, reference.country(country) == nil {
            errors.append(FieldError(field: "country", Explanation("list.reason.country", ["value": country],
                                                                   english: "unknown country code '\(country)'")))
        }
        let theme = text("theme")
        if let theme, reference.theme(theme) == nil { errors.append(FieldError(field: "theme", Explanation("list.reason.theme", ["value": theme],
                                                                                                  english: "unknown theme '\(theme)'"))) }
        let goal = integer("sdg", 1...17, 0)
        self.query = EntryQuery(kind: kind, page: page, perPage: perPage, sort: sort, descending: order == "desc",
                                country: country, theme: theme, sdgGoal: goal == 0 ? nil : goal)
        self.errors = errors
    }

    /// The query string of these parameters with some replaced (nil removes), for links.
    func queryString(page: Int? = nil, sort: EntrySort? = nil, descending: Bool? = nil) -> String {
        var items: [(String, String)] = []
        if let country = query.country { items.append(("country", country)) }
        if let theme = query.theme { items.append(("theme", theme)) }
        if let goal = query.sdgGoal { items.append(("sdg", String(goal))) }
        let sortValue = sort ?? query.sort
        if sortValue != .ref { items.append(("sort", sortValue.rawValue)) }
        if descending ?? query.descending { items.append(("order", "desc")) }
        if query.perPage != 20 { items.append(("per_page", String(query.perPage))) }
        let pageValue = page ?? query.page
        if pageValue != 1 { items.append(("page", String(pageValue))) }
        guard !items.isEmpty else { return "" }
        return "?" + items.map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&")
    }
}

/// Percent-encodes a query or path component.
func percentEncoded(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}
