import GRDB
import SolexCore

/// A row of `country`.
struct CountryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "country"
    var alpha3: String
    var alpha2: String
    var numeric: String
    var name_en: String
    var name_fr: String
    var name_es: String
    var region_code: Int?
    var region: String
    var subregion_code: Int?
    var subregion: String
    var global_south: Bool
    var global_south_basis: String

    init(_ country: Country) {
        alpha3 = country.alpha3
        alpha2 = country.alpha2
        numeric = country.numeric
        name_en = country.name.en
        name_fr = country.name.fr
        name_es = country.name.es
        region_code = country.regionCode
        region = country.region
        subregion_code = country.subregionCode
        subregion = country.subregion
        global_south = country.globalSouth
        global_south_basis = country.globalSouthBasis
    }

    var country: Country {
        Country(alpha2: alpha2, alpha3: alpha3, numeric: numeric,
                name: LocalizedText(en: name_en, fr: name_fr, es: name_es), regionCode: region_code, region: region,
                subregionCode: subregion_code, subregion: subregion, globalSouth: global_south,
                globalSouthBasis: global_south_basis)
    }
}

/// A row of `sdg_goal`.
struct SDGGoalRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sdg_goal"
    var number: Int
    var label_en: String
    var label_fr: String
    var label_es: String

    init(_ goal: SDGGoal) {
        number = goal.number
        label_en = goal.label.en
        label_fr = goal.label.fr
        label_es = goal.label.es
    }

    var goal: SDGGoal { SDGGoal(number: number, label: LocalizedText(en: label_en, fr: label_fr, es: label_es)) }
}

/// A row of `sdg_target`.
struct SDGTargetRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sdg_target"
    var id: String
    var goal: Int
    var position: Int
    var label_en: String
    var label_fr: String
    var label_es: String

    init(_ target: SDGTarget, position: Int) {
        id = target.id
        goal = target.goal
        self.position = position
        label_en = target.label.en
        label_fr = target.label.fr
        label_es = target.label.es
    }

    var target: SDGTarget { SDGTarget(id: id, goal: goal, label: LocalizedText(en: label_en, fr: label_fr, es: label_es)) }
}

/// A row of `theme`.
struct ThemeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "theme"
    var slug: String
    var position: Int
    var label_en: String
    var label_fr: String
    var label_es: String
    var description_en: String
    var description_fr: String
    var description_es: String

    init(_ theme: Theme, position: Int) {
        slug = theme.slug
        self.position = position
        label_en = theme.label.en
        label_fr = theme.label.fr
        label_es = theme.label.es
        description_en = theme.summary.en
        description_fr = theme.summary.fr
        description_es = theme.summary.es
    }

    var theme: Theme {
        Theme(slug: slug, label: LocalizedText(en: label_en, fr: label_fr, es: label_es), summary: LocalizedText(en: description_en, fr: description_fr, es: description_es))
    }
}

/// A row of `language`.
struct LanguageRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "language"
    var code: String
    var name_en: String
    var name_fr: String
    var name_es: String

    init(_ language: Language) {
        code = language.code
        name_en = language.name.en
        name_fr = language.name.fr
        name_es = language.name.es
    }

    var language: Language { Language(code: code, name: LocalizedText(en: name_en, fr: name_fr, es: name_es)) }
}

extension AppDatabase {
    /// Replaces the reference vocabularies with `data` (countries, goals, targets, themes, languages), in one
    /// transaction. Rows that entries still point at are updated in place, never deleted. The concepts of the
    /// thesaurus are replaced as a whole.
    public func saveReferenceData(_ data: ReferenceData) throws {
        try write { db in
            for country in data.countries { try CountryRecord(country).upsert(db) }
            for goal in data.goals { try SDGGoalRecord(goal).upsert(db) }
            for (position, target) in data.targets.enumerated() { try SDGTargetRecord(target, position: position).upsert(db) }
            for (position, theme) in data.themes.enumerated() { try ThemeRecord(theme, position: position).upsert(db) }
            for language in data.languages { try LanguageRecord(language).upsert(db) }
            try ConceptRecord.replaceAll(with: data.thesaurus, db)
        }
    }

    /// The reference vocabularies as stored.
    public func referenceData() throws -> ReferenceData {
        try read { db in
            ReferenceData(
                countries: try CountryRecord.order(Column("alpha3")).fetchAll(db).map(\.country),
                goals: try SDGGoalRecord.order(Column("number")).fetchAll(db).map(\.goal),
                targets: try SDGTargetRecord.order(Column("position")).fetchAll(db).map(\.target),
                themes: try ThemeRecord.order(Column("position")).fetchAll(db).map(\.theme),
                languages: try LanguageRecord.order(Column("code")).fetchAll(db).map(\.language),
                thesaurus: try ConceptRecord.thesaurus(db))
        }
    }
}
