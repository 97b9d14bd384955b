import Foundation
import SolexCore
@testable import SolexStore
import Testing

@Suite("Seed reference data")
struct SeedReferenceTests {
    let reference = Seeds.reference

    @Test("17 goals numbered 1 to 17")
    func goals() {
        #expect(reference.goals.map(\.number) == Array(1...17))
        #expect(reference.goals.allSatisfy { !$0.label.en.isEmpty && !$0.label.fr.isEmpty && !$0.label.es.isEmpty })
    }

    @Test("169 distinct targets, each under its own goal")
    func targets() {
        #expect(reference.targets.count == 169)
        #expect(Set(reference.targets.map(\.id)).count == 169)
        #expect(reference.targets.allSatisfy { $0.id.hasPrefix("\($0.goal).") })
        #expect(reference.targets.first?.id == "1.1")
        #expect(reference.targets.last?.id == "17.19")
        #expect(reference.target("16.9")?.goal == 16)
        #expect(reference.target("1.a")?.goal == 1)
        #expect(reference.target("18.1") == nil)
        // Goals in order, numbered targets before lettered ones.
        #expect(reference.targets.map(\.goal) == reference.targets.map(\.goal).sorted())
    }

    @Test("16 themes in their fixed order")
    func themes() {
        #expect(reference.themes.map(\.slug) == [
            "digital-government", "health", "education", "social-protection", "agriculture", "disaster-risk",
            "land-administration", "civil-registration", "financial-inclusion", "justice", "water-sanitation", "energy",
            "urban-services", "employment-skills", "gender-inclusion", "environment-climate",
        ])
    }

    @Test("Every theme is described in English, French and Spanish, each in its own words")
    func themeDescriptions() {
        for theme in reference.themes {
            let summary = theme.summary
            #expect([summary.en, summary.fr, summary.es].allSatisfy { !$0.isEmpty && $0.hasSuffix(".") }, "\(theme.slug)")
            #expect(Set([summary.en, summary.fr, summary.es]).count == 3, "\(theme.slug)")
        }
        #expect(reference.theme("civil-registration")?.summary.fr.hasPrefix("Enregistrement des naissances") == true)
        #expect(reference.theme("civil-registration")?.summary.es.hasPrefix("Registro de nacimientos") == true)
    }

    @Test("249 countries with unique codes, ordered by alpha-3")
    func countries() {
        let countries = reference.countries
        #expect(countries.count == 249)
        #expect(Set(countries.map(\.alpha2)).count == 249)
        #expect(Set(countries.map(\.alpha3)).count == 249)
        #expect(Set(countries.map(\.numeric)).count == 249)
        #expect(countries.map(\.alpha3) == countries.map(\.alpha3).sorted())
        #expect(countries.allSatisfy { $0.alpha2.count == 2 && $0.alpha3.count == 3 && $0.numeric.count == 3 })
        #expect(reference.country("BGD")?.alpha2 == "BD")
        #expect(reference.country("BGD")?.numeric == "050")
        #expect(reference.country("BGD")?.globalSouth == true)
        #expect(reference.country("ATA")?.regionCode == nil)
        #expect(reference.country("ATA")?.globalSouth == false)
    }

    @Test("Languages have unique two-letter codes, ordered")
    func languages() {
        let codes = reference.languages.map(\.code)
        #expect(codes.count == Set(codes).count)
        #expect(codes == codes.sorted())
        #expect(codes.allSatisfy { $0.count == 2 })
        #expect(["en", "fr", "es", "ar", "bn", "th", "pt"].allSatisfy { reference.language($0) != nil })
    }

    @Test("The database keeps the reference data as read")
    func storedReferenceData() throws {
        let database = try AppDatabase.inMemory()
        try database.saveReferenceData(reference)
        try database.saveReferenceData(reference)  // a second load updates in place
        let stored = try database.referenceData()
        #expect(stored.countries == reference.countries)
        #expect(stored.goals == reference.goals)
        #expect(stored.targets == reference.targets)
        #expect(stored.themes == reference.themes)
        #expect(stored.languages == reference.languages)
    }
}

/// Checks against the shared reference files kept next to the repository (not part of it).
@Suite("Seeds agree with the shared reference",
       .enabled(if: Paths.hasSharedReference, "the shared reference folder (../shared/reference) is absent"))
struct SharedReferenceTests {
    /// The rows of a shared reference CSV file as dictionaries by column name.
    private func rows(_ name: String) throws -> [[String: String]] {
        let file = try CSVFile.read(Paths.sharedReference.appendingPathComponent(name))
        return try file.records.map { record in
            try #require(record.cells.count == file.header.count, "\(name):\(record.line) has \(record.cells.count) cells")
            return Dictionary(zip(file.header, record.cells), uniquingKeysWith: { first, _ in first })
        }
    }

    @Test("Same SDG target ids, in the same order")
    func targets() throws {
        let ids = try rows("sdg_targets.csv").map { $0["target_id"] ?? "" }
        #expect(ids.count == 169)
        #expect(Seeds.reference.targets.map(\.id) == ids)
    }

    @Test("Same countries, codes, regions and Global South flags (except Antarctica)")
    func countries() throws {
        let shared = try rows("countries.csv")
        #expect(shared.count == 249)
        let ours = Dictionary(uniqueKeysWithValues: Seeds.reference.countries.map { ($0.alpha3, $0) })
        #expect(Set(shared.compactMap { $0["alpha3"] }) == Set(ours.keys))
        for row in shared {
            let alpha3 = row["alpha3"] ?? ""
            guard let country = ours[alpha3] else { continue }
            #expect(country.alpha2 == row["alpha2"], "\(alpha3) alpha2")
            #expect(country.numeric == row["numeric"], "\(alpha3) numeric")
            #expect(country.regionCode == row["m49_region_code"].flatMap { Int($0) }, "\(alpha3) region")
            #expect(country.subregionCode == row["m49_subregion_code"].flatMap { Int($0) }, "\(alpha3) sub-region")
            if alpha3 == "ATA" {
                // Deliberate difference: the reference leaves Antarctica's flag blank; Solex says false.
                #expect(row["global_south"] == "")
                #expect(country.globalSouth == false)
            } else {
                let parsed: Bool? = ["true": true, "false": false][row["global_south"] ?? ""]
                let flag = try #require(parsed as Bool?, "\(alpha3) global_south")
                #expect(country.globalSouth == flag, "\(alpha3) global_south")
            }
        }
    }
}
