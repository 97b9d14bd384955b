import Foundation
import SolexCore

// View models of the network pages: the directory, the SDG map and adoptions.

/// A problem of a form, named by field and reason.
struct FieldProblemView: Sendable {
    /// The field's name in the form (for the link to it).
    var field: String
    /// The field's label in the page's language.
    var label: String
    var reason: String
}

/// One row of the members directory.
struct MemberRowView: Sendable {
    var code: String
    var name: String
    var href: String
    var region: String
    var subregion: String
    var joined: String
    var focalPointCount: String
    var agencyCount: String
    var innovationCount: String
    var needCount: String
    var adoptionCount: String
}

/// The form that adds a member or changes one (the secretariat's).
struct MemberFormView: Sendable {
    var countries: [OptionView]
    var joined: String
    var note: String
    var errors: [FieldProblemView]
    var hasErrors: Bool
}

/// `/members`.
struct MembersPageView: Sendable {
    var layout: LayoutView
    var members: [MemberRowView]
    var memberCount: String
    /// The add form, for those who manage members.
    var form: MemberFormView?
}

/// A pair seen from a member's page.
struct PairingRowView: Sendable {
    var direction: String
    var need: LinkView
    var needCountry: String
    var innovation: LinkView
    var innovationCountry: String
    var status: String
    var updated: String
}

/// An adoption in a table.
struct AdoptionRowView: Sendable {
    var id: Int64
    var href: String
    var need: LinkView
    var needCountry: LinkView
    var innovation: LinkView
    var innovationCountry: LinkView
    var stage: String
    var stageDate: String
    var startedOn: String
    var indicatorCount: String
}

/// `/members/:code`.
struct MemberPageView: Sendable {
    var layout: LayoutView
    var facts: [FactView]
    var focalPoints: [String]
    /// Anonymous visitors see how many focal points there are, not their addresses.
    var focalPointNote: String?
    var agencies: [String]
    var innovations: [EntryRowView]
    var needs: [EntryRowView]
    var innovationTotal: String
    var needTotal: String
    var moreInnovationsHref: String?
    var moreNeedsHref: String?
    var canSeePairings: Bool
    var pairings: [PairingRowView]
    var adoptions: [AdoptionRowView]
    var countryHref: String
    /// Where the secretariat removes the country from the members; nil for everyone else.
    var removeHref: String?
}

/// The question before a member country is removed.
struct MemberRemoveView: Sendable {
    var layout: LayoutView
    var question: String
    var action: String
    var cancelHref: String
}

/// A cell of the heat map table.
struct MapCellView: Sendable {
    var supply: String
    var demand: String
    var gap: String
    var href: String
}

/// A goal row of the SDG map.
struct MapGoalRowView: Sendable {
    var goal: Int
    var label: String
    var href: String
    var supply: String
    var demand: String
    var gap: String
    var cells: [MapCellView]
}

/// The region and theme filter of the SDG map.
struct MapFilterView: Sendable {
    /// The page the filter form submits to.
    var action: String
    var regions: [OptionView]
    var themes: [OptionView]
    var summary: String
    var isFiltered: Bool
}

/// `/sdg-map`.
struct SDGMapPageView: Sendable {
    var layout: LayoutView
    var filter: MapFilterView
    var svg: String
    var regionHeaders: [String]
    var goals: [MapGoalRowView]
    var totalSupply: String
    var totalDemand: String
    var totalGap: String
    var csvHref: String
    var jsonHref: String
}

/// A target row of a goal's map page.
struct MapTargetRowView: Sendable {
    var id: String
    var anchor: String
    var label: String
    var supply: String
    var demand: String
    var gap: String
    var supplyEntries: [LinkView]
    var demandEntries: [LinkView]
    var hasEntries: Bool
}

/// `/sdg-map/:goal`.
struct SDGGoalMapPageView: Sendable {
    var layout: LayoutView
    var filter: MapFilterView
    var goal: Int
    var svg: String
    var supply: String
    var demand: String
    var gap: String
    var targets: [MapTargetRowView]
    var backHref: String
    var csvHref: String
}

/// A count in a summary table.
struct CountRowView: Sendable {
    var label: String
    var count: String
}

/// A kind of indicator in the summary.
struct KindRowView: Sendable {
    var label: String
    var indicators: String
    var measured: String
    var median: String
}

/// `/adoptions`.
struct AdoptionsPageView: Sendable {
    var layout: LayoutView
    var adoptions: [AdoptionRowView]
    var total: String
    var byStage: [CountRowView]
    var byGoal: [CountRowView]
    var byRegion: [CountRowView]
    var byKind: [KindRowView]
    var canCreate: Bool
    var createErrors: [FieldProblemView]
    var hasCreateErrors: Bool
    var needValue: String
    var innovationValue: String
    var startedOnValue: String
}

/// A measurement in an indicator's table.
struct MeasurementRowView: Sendable {
    var date: String
    var value: String
    var note: String
}

/// An indicator of an adoption with its numbers and its chart.
struct IndicatorView: Sendable {
    var id: Int64
    var anchor: String
    var name: String
    var kind: String
    var unit: String
    var baseline: String
    var target: String
    var direction: String
    var latest: String
    var latestDate: String
    var progress: String
    /// The clamped progress as a whole per cent for the `<progress>`/`<meter>` element, and whether it has one.
    var progressValue: Int
    var hasProgress: Bool
    var improvement: String
    var svg: String
    var measurements: [MeasurementRowView]
    var hasMeasurements: Bool
    /// Where the measurement form posts, and what was typed into it when it failed.
    var measurementAction: String
    var typedDate = ""
    var typedValue = ""
    var typedNote = ""
}

/// A stage in an adoption's history.
struct StageRowView: Sendable {
    var stage: String
    var date: String
    var note: String
    var by: String
}

/// `/adoptions/:id`.
struct AdoptionPageView: Sendable {
    var layout: LayoutView
    var id: Int64
    var facts: [FactView]
    var stages: [StageRowView]
    var indicators: [IndicatorView]
    var canEdit: Bool
    /// The stage form shows while a stage may still follow.
    var canRecordStage: Bool
    var stageOptions: [OptionView]
    var kindOptions: [OptionView]
    var indicatorOptions: [OptionView]
    var hasIndicators: Bool
    var errors: [FieldProblemView]
    var hasErrors: Bool
    /// What was typed into the form that failed, to show again.
    var typed: AdoptionTypedView
}

/// The values of the adoption page's forms as typed.
struct AdoptionTypedView: Sendable {
    var stageDate = ""
    var stageNote = ""
    var name = ""
    var unit = ""
    var baseline = ""
    var target = ""
    /// The indicator whose measurement form failed.
    var indicatorID: Int64?
    var measurementDate = ""
    var value = ""
    var measurementNote = ""
}
