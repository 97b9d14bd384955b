import Foundation
import SolexCore
@testable import SolexStore
import Testing

/// Nine hand-written entries for the search tests, so that every count can be checked by hand.
///
/// | ref         | kind       | country (region) | themes                                 | targets     | evidence     | scale       |
/// |-------------|------------|------------------|----------------------------------------|-------------|--------------|-------------|
/// | INN-BEN-01  | innovation | BEN (2)          | civil-registration, digital-government | 16.9, 16.6  | monitored    | national    |
/// | INN-BGD-01  | innovation | BGD (142)        | digital-government                     | 16.6        | monitored    | national    |
/// | INN-MAR-01  | innovation | MAR (2)          | civil-registration, justice            | 16.9        | anecdotal    | subnational |
/// | INN-PER-01  | innovation | PER (19)         | land-administration                    | 1.4         | experimental | national    |
/// | INN-STP-01  | innovation | STP (2)          | health                                 | 3.8         | anecdotal    | pilot       |
/// | INN-THA-01  | innovation | THA (142)        | civil-registration, health             | 16.9, 3.8   | evaluated    | pilot       |
/// | NEED-BGD-01 | need       | BGD (142)        | water-sanitation                       | 6.1         |              |             |
/// | NEED-EGY-01 | need       | EGY (2)          | civil-registration, digital-government | 16.9        |              |             |
/// | NEED-SEN-01 | need       | SEN (2)          | civil-registration                     | 16.9        |              |             |
///
/// Words that matter, by entry (t = title, s = summary, d = description, g = tags, c = champion, e = evidence):
/// - INN-BEN-01: t "Mobile birth registration"; s "état civil"; d "BÉNIN"; e "births".
/// - INN-BGD-01: s Bangla "জন্ম নিবন্ধন"; d "land registry", "helpline".
/// - INN-MAR-01: t Arabic "المدنـــي" (with tatweel); s "Registration of birth".
/// - INN-PER-01: t "Land registration"; s "land registry".
/// - INN-STP-01: t "helpline"; s "helpline", "São Tomé".
/// - INN-THA-01: t "birth", "hospitals"; s Thai, without spaces.
/// - NEED-BGD-01: nothing of the above ("Water kiosk").
/// - NEED-EGY-01: t Arabic "المدني" (no tatweel); d "birth registration", "hospitals".
/// - NEED-SEN-01: t "Etat civil" (no accent); d "registres", "naissances".
enum SearchFixture {
    struct InnovationText {
        var ref, title, summary, description, champion, evidence, country: String
        var tags: [String] = []
        var themes: [String]
        var targets: [String]
        var evidenceLevel, scale: String
    }

    static let innovations: [InnovationText] = [
        InnovationText(
            ref: "INN-BEN-01", title: "Mobile birth registration",
            summary: "Health workers record each newborn on a phone for the état civil.",
            description: "Village health workers in BÉNIN send the records to the commune.",
            champion: "Ministère de l'Intérieur", evidence: "12,000 births recorded in 2024.", country: "BEN",
            tags: ["mobile"], themes: ["civil-registration", "digital-government"], targets: ["16.9", "16.6"],
            evidenceLevel: "monitored", scale: "national"),
        InnovationText(
            ref: "INN-BGD-01", title: "Union digital centres",
            summary: "অনলাইন জন্ম নিবন্ধন সেবা at the union council.",
            description: "Local entrepreneurs run one-stop shops offering land registry copies and a helpline.",
            champion: "Aspire to Innovate", evidence: "", country: "BGD",
            tags: ["one-stop-shop"], themes: ["digital-government"], targets: ["16.6"],
            evidenceLevel: "monitored", scale: "national"),
        InnovationText(
            ref: "INN-MAR-01", title: "السجل المدنـــي الرقمي",
            summary: "Registration of birth at the commune by appointment.",
            description: "Families book a slot online.",
            champion: "Ministère de l'Intérieur", evidence: "", country: "MAR",
            themes: ["civil-registration", "justice"], targets: ["16.9"],
            evidenceLevel: "anecdotal", scale: "subnational"),
        InnovationText(
            ref: "INN-PER-01", title: "Land registration for rural families",
            summary: "Titles are recorded in the national land registry.",
            description: "Surveyors map each plot with the owners.",
            champion: "COFOPRI", evidence: "A randomised evaluation of titling.", country: "PER",
            themes: ["land-administration"], targets: ["1.4"],
            evidenceLevel: "experimental", scale: "national"),
        InnovationText(
            ref: "INN-STP-01", title: "Health insurance helpline",
            summary: "A free helpline for São Tomé families.",
            description: "Operators answer questions about health insurance.",
            champion: "Ministério da Saúde", evidence: "", country: "STP",
            themes: ["health"], targets: ["3.8"],
            evidenceLevel: "anecdotal", scale: "pilot"),
        InnovationText(
            ref: "INN-THA-01", title: "Online birth notification from hospitals",
            summary: "ระบบลงทะเบียนการเกิดออนไลน์สำหรับโรงพยาบาล",
            description: "Maternity wards notify the district office the same day.",
            champion: "Department of Provincial Administration", evidence: "An evaluation in two provinces.", country: "THA",
            themes: ["civil-registration", "health"], targets: ["16.9", "3.8"],
            evidenceLevel: "evaluated", scale: "pilot"),
    ]

    struct NeedText {
        var ref, title, description, country: String
        var themes: [String]
        var targets: [String]
    }

    static let needs: [NeedText] = [
        NeedText(ref: "NEED-BGD-01", title: "Water kiosk maintenance",
                 description: "Village kiosks break down often and repairs take weeks.", country: "BGD",
                 themes: ["water-sanitation"], targets: ["6.1"]),
        NeedText(ref: "NEED-EGY-01", title: "ربط السجل المدني بالمستشفيات",
                 description: "We want birth registration records shared with hospitals.", country: "EGY",
                 themes: ["civil-registration", "digital-government"], targets: ["16.9"]),
        NeedText(ref: "NEED-SEN-01", title: "Etat civil numérique dans les communes",
                 description: "Les registres des naissances sont tenus sur papier.", country: "SEN",
                 themes: ["civil-registration"], targets: ["16.9"]),
    ]

    /// Every ref of the fixture, in ref order.
    static let allRefs = (innovations.map(\.ref) + needs.map(\.ref)).sorted()

    static func input(_ entry: InnovationText) -> FieldValues {
        [
            "ref": .text(entry.ref), "title": .text(entry.title), "summary": .text(entry.summary),
            "description": .text(entry.description), "origin_country": .text(entry.country), "champion": .text(entry.champion),
            "themes": .list(entry.themes), "sdg_targets": .list(entry.targets), "tags": .list(entry.tags),
            "scale": .text(entry.scale), "evidence_level": .text(entry.evidenceLevel), "evidence": .text(entry.evidence),
            "languages": .list(["en"]),
        ]
    }

    static func input(_ entry: NeedText) -> FieldValues {
        [
            "ref": .text(entry.ref), "title": .text(entry.title), "description": .text(entry.description),
            "country": .text(entry.country), "themes": .list(entry.themes), "sdg_targets": .list(entry.targets),
            "languages": .list(["en"]), "created": .text("2025-03-14"),
        ]
    }

    /// A seeded in-memory catalogue holding the nine entries (created in an order unrelated to their refs).
    static func catalogue() throws -> Catalogue {
        let catalogue = try makeCatalogue()
        for entry in innovations.reversed() {
            try catalogue.create(.innovation, input: input(entry), status: .published, actor: .system)
        }
        for entry in needs.reversed() {
            try catalogue.create(.need, input: input(entry), status: .published, actor: .system)
        }
        return catalogue
    }
}

/// A query string shown briefly in test logs (some are thousands of characters long).
struct QueryText: Sendable, CustomTestStringConvertible {
    let text: String

    init(_ text: String) { self.text = text }

    var testDescription: String {
        text.count <= 40 ? text.debugDescription : "\(String(text.prefix(12)).debugDescription)… (\(text.count) characters)"
    }

    /// Query strings meant to break a search: broken FTS5 syntax, SQL, control characters, huge inputs.
    static let hostile: [QueryText] = [
        "\"", "\"\"", "\"\"\"", "\"abc", "abc\"", "a\"b\"c\"d", "*", "**", "a*b*", "-", "--", "- -", "-*", "-\"", "^", "^birth", ":",
        "title:birth", "title : x", "{title summary}: birth", "{", "}", "(", ")", "((birth)", "NEAR(", "NEAR(birth registration, 2)",
        "birth NEAR registration", "AND", "OR", "NOT", "birth AND NOT land", "OR OR", "'; DROP TABLE need; --",
        "1; DELETE FROM innovation", "\" OR 1=1 --", "%", "_", "\\", "\u{0}", "birth\u{0}registration", "\u{1}\u{2}\u{7F}",
        "\u{200F}المدني\u{200E}", "\u{202E}birth", "🎉", "👩🏽‍💻 birth", "ـــ", "\u{0301}", "\u{E000}birth\u{E001}",
        String(repeating: "a", count: 10_000), String(repeating: "birth ", count: 1_700), String(repeating: "\"", count: 10_000),
        String(repeating: "-a OR ", count: 1_700), String(repeating: "registration* OR ", count: 600),
        String(repeating: "ลงทะเบียน", count: 1_000),
    ].map(QueryText.init)
}
