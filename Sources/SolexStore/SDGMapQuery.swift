import Foundation
import GRDB
import SolexCore

extension Catalogue {
    /// The SDG map under `filter`: published innovations are the supply; open needs are the demand, where a need is
    /// open when it is published and no adoption of it is under way or completed (only stopped adoptions, or none).
    public func sdgMap(_ filter: SDGMap.Filter = SDGMap.Filter()) throws -> SDGMap {
        let reference = self.reference
        let entries = try database.read { db -> [SDGMap.Entry] in
            let decoder = JSONDecoder()
            func list(_ json: String) -> [String] { (try? decoder.decode([String].self, from: Data(json.utf8))) ?? [] }
            func regions(_ code: String) -> [Int] {
                guard let country = reference.country(code) else { return [] }
                return [country.regionCode, country.subregionCode].compactMap { $0 }
            }
            let supply = try Row.fetchAll(db, sql: """
                SELECT ref, title, origin_country AS country, themes, sdg_targets FROM innovation WHERE status = 'published' ORDER BY ref
                """)
            let demand = try Row.fetchAll(db, sql: """
                SELECT ref, title, country, themes, sdg_targets FROM need n WHERE status = 'published'
                AND NOT EXISTS (SELECT 1 FROM adoption a WHERE a.need_ref = n.ref AND (a.stage IS NULL OR a.stage <> 'stopped'))
                ORDER BY ref
                """)
            return supply.map { ($0, SDGMap.Entry.Side.supply) }.map { row, side in
                SDGMap.Entry(side: side, ref: row["ref"], title: row["title"], country: row["country"], regionCodes: regions(row["country"]),
                             themes: list(row["themes"]), targets: list(row["sdg_targets"]))
            } + demand.map { row in
                SDGMap.Entry(side: .demand, ref: row["ref"], title: row["title"], country: row["country"], regionCodes: regions(row["country"]),
                             themes: list(row["themes"]), targets: list(row["sdg_targets"]))
            }
        }
        return SDGMap(entries: entries, goals: reference.goals.map(\.number), targets: reference.targets.map { ($0.id, $0.goal) },
                      regions: mapRegions.map(\.code), filter: filter)
    }

    /// The UN M49 regions (not sub-regions) of the reference countries, by name: the columns of the heat map.
    public var mapRegions: [(code: Int, name: String)] {
        var seen: [Int: String] = [:]
        for country in reference.countries { if let code = country.regionCode, !country.region.isEmpty { seen[code] = country.region } }
        return seen.map { ($0.key, $0.value) }.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
    }

    /// The UN M49 regions and sub-regions that countries have, by name: what the map's region filter accepts.
    public var regionChoices: [(code: Int, name: String)] {
        var seen: [Int: String] = [:]
        for country in reference.countries {
            if let code = country.regionCode, !country.region.isEmpty { seen[code] = country.region }
            if let code = country.subregionCode, !country.subregion.isEmpty { seen[code] = country.subregion }
        }
        return seen.map { ($0.key, $0.value) }.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
    }

    /// The SDG map as CSV: one row per goal, then one per target of each goal, with supply, demand and gap under
    /// the filter, and the filter in the first columns.
    public func sdgMapCSV(_ map: SDGMap) throws -> Data {
        var rows = [["region", "theme", "level", "goal", "target", "label", "supply", "demand", "gap"]]
        let region = map.filter.region.map(String.init) ?? "", theme = map.filter.theme ?? ""
        for goal in map.goals {
            rows.append([region, theme, "goal", String(goal.goal), "", reference.goal(goal.goal)?.label.en ?? "",
                         String(goal.count.supply), String(goal.count.demand), String(goal.count.gap)])
            for target in goal.targets {
                rows.append([region, theme, "target", String(goal.goal), target.id, reference.target(target.id)?.label.en ?? "",
                             String(target.count.supply), String(target.count.demand), String(target.count.gap)])
            }
        }
        return try CSVFile.text(rows: rows)
    }
}

extension Catalogue {
    /// The titles of every published innovation and need, by ref.
    public func publishedTitles() throws -> [String: String] {
        try database.read { db in
            var titles: [String: String] = [:]
            for table in ["innovation", "need"] {
                for row in try Row.fetchAll(db, sql: "SELECT ref, title FROM \(table) WHERE status = 'published'") { titles[row["ref"]] = row["title"] }
            }
            return titles
        }
    }
}
