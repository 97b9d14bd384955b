import SolexCore

/// Small hand-made reference data and entries, so that the core tests do not depend on the seed files.
enum Fixture {
    static func text(_ en: String) -> LocalizedText { LocalizedText(en: en, fr: "", es: "") }

    static let reference = ReferenceData(
        countries: [
            Country(alpha2: "BD", alpha3: "BGD", numeric: "050", name: text("Bangladesh"), regionCode: 142, region: "Asia",
                    subregionCode: 34, subregion: "Southern Asia", globalSouth: true, globalSouthBasis: "test"),
            Country(alpha2: "BJ", alpha3: "BEN", numeric: "204", name: text("Benin"), regionCode: 2, region: "Africa",
                    subregionCode: 202, subregion: "Sub-Saharan Africa", globalSouth: true, globalSouthBasis: "test"),
            Country(alpha2: "KE", alpha3: "KEN", numeric: "404", name: text("Kenya"), regionCode: 2, region: "Africa",
                    subregionCode: 202, subregion: "Sub-Saharan Africa", globalSouth: true, globalSouthBasis: "test"),
            Country(alpha2: "TH", alpha3: "THA", numeric: "764", name: text("Thailand"), regionCode: 142, region: "Asia",
                    subregionCode: 35, subregion: "South-eastern Asia", globalSouth: true, globalSouthBasis: "test"),
        ],
        goals: [
            SDGGoal(number: 1, label: text("No poverty")),
            SDGGoal(number: 3, label: text("Good health")),
            SDGGoal(number: 16, label: text("Peace, justice and strong institutions")),
            SDGGoal(number: 17, label: text("Partnerships")),
        ],
        targets: [
            SDGTarget(id: "1.1", goal: 1, label: text("End extreme poverty")),
            SDGTarget(id: "1.a", goal: 1, label: text("Mobilize resources")),
            SDGTarget(id: "3.8", goal: 3, label: text("Universal health coverage")),
            SDGTarget(id: "16.9", goal: 16, label: text("Legal identity for all")),
            SDGTarget(id: "17.6", goal: 17, label: text("Technology cooperation")),
        ],
        themes: [
            Theme(slug: "digital-government", label: text("Digital government"), summary: text("Online services.")),
            Theme(slug: "health", label: text("Health"), summary: text("Primary care.")),
            Theme(slug: "civil-registration", label: text("Civil registration"), summary: text("Births and deaths.")),
        ],
        languages: [
            Language(code: "bn", name: text("Bengali")),
            Language(code: "en", name: text("English")),
            Language(code: "fr", name: text("French")),
            Language(code: "th", name: text("Thai")),
        ])

    /// The year the validator is told it is.
    static let currentYear = 2025

    static let validator = EntryValidator(reference: reference, currentYear: currentYear)

    /// A valid innovation with every field given.
    static let innovation: FieldValues = [
        "ref": .text("INN-BGD-001"),
        "title": .text("Union Digital Centres"),
        "summary": .text("One-stop shops for public services in every union."),
        "description": .text("Local entrepreneurs run the centres.\nThe programme trains them."),
        "origin_country": .text("BGD"),
        "champion": .text("a2i Programme"),
        "themes": .list(["digital-government", "civil-registration"]),
        "sdg_targets": .list(["16.9", "1.a"]),
        "tags": .list(["one-stop-shop", "e-services"]),
        "scale": .text("national"),
        "beneficiaries": .integer(6_000_000),
        "evidence_level": .text("evaluated"),
        "evidence": .text("Evaluated in 2019."),
        "language": .text("bn"),
        "languages": .list(["bn", "en"]),
        "year_started": .integer(2010),
        "url": .text("https://a2i.gov.bd"),
    ]

    /// A valid need with every field given.
    static let need: FieldValues = [
        "ref": .text("NEED-BEN-001"),
        "title": .text("Guichets uniques dans les communes"),
        "description": .text("Beaucoup d'usagers n'ont pas accès à internet."),
        "country": .text("BEN"),
        "themes": .list(["digital-government"]),
        "sdg_targets": .list(["16.9"]),
        "tags": .list(["guichet-unique"]),
        "support_types": .list(["study-visit", "technical-assistance"]),
        "language": .text("fr"), "languages": .list(["fr"]),
        "created": .text("2025-03-14"),
    ]

    static func valid(_ kind: EntryKind) -> FieldValues { kind == .innovation ? innovation : need }
}

extension Result {
    var success: Success? {
        if case .success(let value) = self { return value }
        return nil
    }

    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
