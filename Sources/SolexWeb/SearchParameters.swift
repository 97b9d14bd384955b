import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// The search as given in a URL: `q`, the facet filters (a parameter may repeat), `page` and `per_page`.
/// Reading never fails: numbers out of range are clamped and unknown values simply match nothing.
struct SearchParameters {
    /// URL parameter of each facet; `sdg` takes goals ("16") and targets ("16.9").
    static let parameterNames: [(SearchFacet, String)] = [
        (.type, "type"), (.country, "country"), (.region, "region"), (.theme, "theme"), (.sdg, "sdg"), (.sdgTarget, "sdg"),
        (.evidence, "evidence"), (.scale, "scale"),
    ]

    var text: String
    var filters: [SearchFacet: [String]]
    var page: Int
    var perPage: Int
    /// What the JSON API refuses (the page is lenient): `page` or `per_page` that is not one whole number, a `type`
    /// other than innovation or need.
    var errors: [FieldError] = []

    init(request: Request) {
        // Read the raw query string as a form: browsers send spaces as '+', which must become spaces.
        let parameters = FormData(body: request.uri.query ?? "")
        text = parameters.first("q") ?? ""
        var filters: [SearchFacet: [String]] = [:]
        for (facet, name) in Self.parameterNames {
            let values = parameters.all(name).filter { !$0.isEmpty }
            let chosen: [String] = switch facet {
            case .sdg: values.filter { !$0.contains(".") }
            case .sdgTarget: values.filter { $0.contains(".") }
            default: values
            }
            if !chosen.isEmpty { filters[facet] = Array(Set(chosen)).sorted() }
        }
        self.filters = filters
        page = min(10_000, max(1, Self.wholeNumber(parameters.first("page") ?? "") ?? 1))
        perPage = min(100, max(1, Self.wholeNumber(parameters.first("per_page") ?? "") ?? 20))
        for name in ["page", "per_page"] {
            let values = parameters.all(name)
            if values.count > 1 || values.contains(where: { Self.wholeNumber($0) == nil }) {
                errors.append(FieldError(field: name, reason: "must be one whole number"))
            }
        }
        for value in parameters.all("type") where EntryKind(rawValue: value) == nil {
            errors.append(FieldError(field: "type", reason: "must be innovation or need"))
        }
    }

    /// TEXT as a whole number, any number of digits (beyond Int's range it becomes Int.min or Int.max, to be clamped).
    static func wholeNumber(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return text.hasPrefix("-") ? Int.min : Int.max
    }

    var query: SearchQuery { SearchQuery(text: text, filters: filters, page: page, perPage: perPage) }

    /// The URL of this search with `facet`'s `value` toggled (and back to page 1), or with another page.
    func href(toggling facet: SearchFacet? = nil, value: String? = nil, page: Int? = nil) -> String {
        var filters = self.filters
        if let facet, let value {
            var values = filters[facet] ?? []
            if let index = values.firstIndex(of: value) { values.remove(at: index) } else { values.append(value) }
            filters[facet] = values.isEmpty ? nil : values.sorted()
        }
        var items: [(String, String)] = []
        if !text.isEmpty { items.append(("q", text)) }
        for (facet, name) in Self.parameterNames { for value in filters[facet] ?? [] { items.append((name, value)) } }
        if perPage != 20 { items.append(("per_page", String(perPage))) }
        let pageValue = page ?? (facet == nil ? self.page : 1)
        if pageValue != 1 { items.append(("page", String(pageValue))) }
        return "/search" + (items.isEmpty ? "" : "?" + items.map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&"))
    }
}

/// Names facets and their values for people, in the page's language: countries, regions, themes, goals and targets by
/// their labels.
struct FacetLabels {
    let reference: ReferenceData
    let localizer: Localizer

    /// A facet's title.
    func title(_ facet: SearchFacet) -> String {
        switch facet {
        case .type: localizer.t("search.facet_type")
        case .country: localizer.t("search.facet_country")
        case .region: localizer.t("search.facet_region")
        case .theme: localizer.t("search.facet_theme")
        case .sdg: localizer.t("search.facet_sdg")
        case .sdgTarget: localizer.t("search.facet_sdg_target")
        case .evidence: localizer.t("search.facet_evidence")
        case .scale: localizer.t("search.facet_scale")
        }
    }

    func label(_ facet: SearchFacet, _ value: String) -> String {
        switch facet {
        case .type: value == "need" ? localizer.t("search.value_needs") : localizer.t("search.value_innovations")
        case .country: reference.country(value).map { localizer.text($0.name) } ?? value
        case .region:
            NetworkPresenter(reference: reference, localizer: localizer)
                .regionName(Int(value), english: reference.countries.first { $0.regionCode.map(String.init) == value }?.region ?? value)
        case .theme: reference.theme(value).map { localizer.text($0.label) } ?? value
        case .sdg: Int(value).flatMap(reference.goal).map { "\(value) \(localizer.text($0.label))" } ?? value
        case .sdgTarget: reference.target(value).map { "\(value) \(localizer.text($0.label))" } ?? value
        case .evidence: enumeration("search.evidence_", value)
        case .scale: enumeration("search.scale_", value)
        }
    }

    /// An evidence level or scale by its message (`search.evidence_<value>`, `search.scale_<value>`).
    private func enumeration(_ prefix: String, _ value: String) -> String {
        localizer.has(prefix + value) ? localizer.t(prefix + value) : value.capitalizedFirst
    }
}

extension SearchHit {
    /// The snippet cut into plain text and highlighted matches.
    var snippetParts: [SnippetPart] {
        var parts: [SnippetPart] = []
        var current = String.UnicodeScalarView()
        var inMatch = false
        for scalar in snippet.unicodeScalars {
            let isStart = scalar.value == 0xE000, isEnd = scalar.value == 0xE001
            guard isStart || isEnd else {
                current.append(scalar)
                continue
            }
            if !current.isEmpty { parts.append(SnippetPart(text: String(current), isMatch: inMatch)) }
            current = String.UnicodeScalarView()
            inMatch = isStart
        }
        if !current.isEmpty { parts.append(SnippetPart(text: String(current), isMatch: inMatch)) }
        return parts
    }

    /// The snippet as an HTML fragment: text escaped, then matches wrapped in <mark>.
    var snippetHTML: String {
        snippetParts.map { $0.isMatch ? "<mark>\(htmlEscaped($0.text))</mark>" : htmlEscaped($0.text) }.joined()
    }
}

/// Escapes text for HTML (& < > " ').
func htmlEscaped(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
        var out = ""
        out.reserveCapacity(bytes.count + 16)
        var runStart = 0
        for index in 0..<bytes.count {
            let replacement: String
            switch bytes[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default: continue
            }
            if runStart < index { out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)) }
            out.append(replacement)
            runStart = index + 1
        }
        if runStart < bytes.count { out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart...]), as: UTF8.self)) }
        return out
    }
}
