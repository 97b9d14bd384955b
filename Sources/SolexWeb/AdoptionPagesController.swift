import Foundation
import Hummingbird
import SolexCore
import SolexStore

/// Adoption pages: `/adoptions` (every adoption, the network's summary, the form to create one), `/adoptions.csv`, and
/// `/adoptions/:id` with its stages and indicators and the forms that add to them (the secretariat and the focal
/// points of either country of the pair).
struct AdoptionPagesController {
    let catalogue: Catalogue
    let pages: PageRenderer

    private var adoptions: Adoptions { Adoptions(catalogue: catalogue) }
    private var reference: ReferenceData { catalogue.reference }
    private func networkPresenter(_ context: AppRequestContext) -> NetworkPresenter {
        NetworkPresenter(reference: reference, localizer: context.localizer)
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("adoptions") { _, context in try list(context) }
        group.post("adoptions") { request, context in
            var request = request
            let form = try await FormData.read(&request, context: context)
            let need = (form.first("need") ?? "").trimmingCharacters(in: .whitespaces)
            let innovation = (form.first("innovation") ?? "").trimmingCharacters(in: .whitespaces)
            let startedOn = (form.first("started_on") ?? "").trimmingCharacters(in: .whitespaces)
            do {
                let adoption = try adoptions.create(need: need, innovation: innovation, startedOn: startedOn.isEmpty ? nil : startedOn,
                                                    actor: context.actor)
                return Response.redirect(to: "/adoptions/\(adoption.id)?saved=1", type: .normal)
            } catch CatalogueError.invalid(let failure) {
                return try list(context, errors: failure.errors, typed: (need, innovation, startedOn))
            } catch CatalogueError.notFound(let kind, _) {
                let explanation = kind == .need ? Explanation("adoption.reason_no_need", english: "no need has this ref")
                    : Explanation("adoption.reason_no_innovation", english: "no innovation has this ref")
                return try list(context, errors: [FieldError(field: kind.rawValue, explanation)],
                                typed: (need, innovation, startedOn))
            }
        }
        group.get("adoptions.csv") { _, _ in
            ReportPagesController.download(try adoptions.csv(), type: "text/csv; charset=utf-8", name: "solex-adoptions.csv")
        }
        group.get("adoptions/:id") { request, context in
            let notice = request.uri.queryParameters.get("saved") != nil ? context.localizer.t("adoption.saved") : nil
            return try show(try find(context), context, notice: notice)
        }
        group.post("adoptions/:id/stages") { request, context in
            let adoption = try find(context)
            var request = request
            let form = try await FormData.read(&request, context: context)
            var typed = AdoptionTypedView()
            typed.stageDate = form.first("date") ?? ""
            typed.stageNote = form.first("note") ?? ""
            return try save(adoption, context, typed: typed) {
                guard let stage = AdoptionStage(rawValue: form.first("stage") ?? "") else {
                    let values = AdoptionStage.allCases.map(\.rawValue).joined(separator: ", ")
                    throw CatalogueError.invalid(ValidationFailure([FieldError(field: "stage", Explanation(
                        "adoption.reason_one_of", ["values": values], english: "must be one of \(values)"))]))
                }
                try adoptions.recordStage(adoption.id, stage: stage, date: typed.stageDate.trimmingCharacters(in: .whitespaces),
                                          note: typed.stageNote, actor: context.actor)
            }
        }
        group.post("adoptions/:id/indicators") { request, context in
            let adoption = try find(context)
            var request = request
            let form = try await FormData.read(&request, context: context)
            var typed = AdoptionTypedView()
            typed.name = form.first("name") ?? ""
            typed.unit = form.first("unit") ?? ""
            typed.baseline = form.first("baseline") ?? ""
            typed.target = form.first("target") ?? ""
            return try save(adoption, context, typed: typed) {
                var errors: [FieldError] = []
                let kind = IndicatorKind(rawValue: form.first("kind") ?? "")
                if kind == nil {
                    let values = IndicatorKind.allCases.map(\.rawValue).joined(separator: ", ")
                    errors.append(FieldError(field: "kind", Explanation("adoption.reason_one_of", ["values": values], english: "must be one of \(values)")))
                }
                let baseline = Self.number(typed.baseline), target = Self.number(typed.target)
                if baseline == nil { errors.append(FieldError(field: "baseline", Self.notANumber)) }
                if target == nil { errors.append(FieldError(field: "target", Self.notANumber)) }
                guard errors.isEmpty, let kind, let baseline, let target else { throw CatalogueError.invalid(ValidationFailure(errors)) }
                try adoptions.addIndicator(adoption.id, name: typed.name, kind: kind, unit: typed.unit, baseline: baseline, target: target,
                                           actor: context.actor)
            }
        }
        group.post("adoptions/:id/indicators/:indicator/measurements") { request, context in
            let adoption = try find(context)
            guard let indicator = Int64(try context.parameters.require("indicator")) else { throw HTTPError(.notFound) }
            var request = request
            let form = try await FormData.read(&request, context: context)
            var typed = AdoptionTypedView()
            typed.indicatorID = indicator
            typed.measurementDate = form.first("date") ?? ""
            typed.value = form.first("value") ?? ""
            typed.measurementNote = form.first("note") ?? ""
            return try save(adoption, context, typed: typed, anchor: "#indicator-\(indicator)") {
                guard let value = Self.number(typed.value) else {
                    throw CatalogueError.invalid(ValidationFailure([FieldError(field: "value", Self.notANumber)]))
                }
                try adoptions.addMeasurement(adoption.id, indicator: indicator, date: typed.measurementDate.trimmingCharacters(in: .whitespaces),
                                             value: value, note: typed.measurementNote, actor: context.actor)
            }
        }
    }

    /// What a field that is not a number is told.
    static let notANumber = Explanation("adoption.reason_number", english: "must be a number")

    /// A number as typed: digits with an optional sign and a decimal point (a decimal comma is read as a point).
    static func number(_ text: String) -> Double? {
        let text = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Runs a write; on success back to the adoption's page, on invalid input the page again with the problems (422).
    private func save(_ adoption: Adoption, _ context: AppRequestContext, typed: AdoptionTypedView, anchor: String = "",
                      _ work: () throws -> Void) throws -> Response {
        do {
            try work()
            return Response.redirect(to: "/adoptions/\(adoption.id)?saved=1" + anchor, type: .normal)
        } catch CatalogueError.invalid(let failure) {
            return try show(adoption, context, errors: failure.errors, typed: typed, status: .unprocessableContent)
        }
    }

    private func find(_ context: AppRequestContext) throws -> Adoption {
        guard let id = Int64(try context.parameters.require("id")), let adoption = try adoptions.adoption(id) else { throw HTTPError(.notFound) }
        return adoption
    }

    private func list(_ context: AppRequestContext, errors: [FieldError] = [], typed: (String, String, String) = ("", "", "")) throws -> Response {
        let all = try adoptions.list()
        let summary = try adoptions.summary()
        let presenter = networkPresenter(context), localizer = context.localizer
        let regions = Dictionary(catalogue.mapRegions.map { ($0.code, presenter.regionName($0.code, english: $0.name)) },
                                 uniquingKeysWith: { first, _ in first })
        let goals = presenter.goalLabels()
        let canCreate = context.actor.role == .focalPoint || AccessPolicy.decide(context.actor, .manageMembers).isAllowed
        let view = AdoptionsPageView(
            layout: LayoutView(title: localizer.t("adoptions.title"), context: context, section: "adoptions"),
            adoptions: all.map(presenter.row), total: localizer.number(summary.total),
            byStage: summary.byStage.map { CountRowView(label: presenter.stageLabel($0.key), count: localizer.number($0.count)) },
            byGoal: summary.byGoal.map {
                CountRowView(label: localizer.t("sdgs.goal_label", ["number": String($0.goal), "label": goals[$0.goal] ?? ""]),
                             count: localizer.number($0.count))
            },
            byRegion: summary.byRegion.map {
                CountRowView(label: $0.region.flatMap { regions[$0] } ?? localizer.t("adoptions.no_region"), count: localizer.number($0.count))
            },
            byKind: summary.byKind.map { KindRowView(label: presenter.kindLabel($0.kind), indicators: localizer.number($0.indicators),
                                                     measured: localizer.number($0.measured), median: presenter.percent($0.medianImprovement)) },
            canCreate: canCreate, createErrors: errors.map { presenter.problem($0, labels: "adoption.field_") }, hasCreateErrors: !errors.isEmpty,
            needValue: typed.0, innovationValue: typed.1, startedOnValue: typed.2)
        return pages.render("adoptions", view, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func show(_ adoption: Adoption, _ context: AppRequestContext, notice: String? = nil, errors: [FieldError] = [],
                      typed: AdoptionTypedView = AdoptionTypedView(), status: HTTPResponse.Status = .ok) throws -> Response {
        let presenter = networkPresenter(context), localizer = context.localizer
        let row = presenter.row(adoption)
        let stage = presenter.stageLabel(adoption.stageKey)
        let facts = [
            FactView(label: localizer.t("adoption.fact_need"), value: "\(adoption.needRef): \(row.need.label) (\(row.needCountry.label))"),
            FactView(label: localizer.t("adoption.fact_innovation"),
                     value: "\(adoption.innovationRef): \(row.innovation.label) (\(row.innovationCountry.label))"),
            FactView(label: localizer.t("adoption.fact_started"), value: localizer.day(iso: adoption.startedOn)),
            FactView(label: localizer.t("adoption.fact_stage"),
                     value: adoption.stageDate.map { localizer.t("adoption.stage_since", ["stage": stage, "date": localizer.day(iso: $0)]) } ?? stage),
            FactView(label: localizer.t("adoption.fact_goals"),
                     value: adoption.goals.isEmpty ? "—" : adoption.goals.map(String.init).joined(separator: ", ")),
        ]
        let canEdit = AccessPolicy.decide(context.actor, .editAdoption(needCountry: adoption.needCountry,
                                                                        innovationCountry: adoption.innovationCountry)).isAllowed
        let allowed = AdoptionStage.allCases.filter { AdoptionStage.refusal(from: adoption.stage, to: $0) == nil }
        let view = AdoptionPageView(
            layout: LayoutView(title: localizer.t("adoption.title", ["id": String(adoption.id), "innovation": row.innovation.label,
                                                                   "country": row.needCountry.label]), context: context,
                               section: "adoptions", notice: notice),
            id: adoption.id, facts: facts,
            stages: adoption.stages.map {
                StageRowView(stage: presenter.stageLabel($0.stage.rawValue), date: localizer.day(iso: $0.date), note: $0.note, by: $0.by)
            },
            indicators: adoption.indicators.map { indicator in
                var view = presenter.indicator(indicator, adoption: adoption.id)
                if typed.indicatorID == indicator.id {
                    view.typedDate = typed.measurementDate
                    view.typedValue = typed.value
                    view.typedNote = typed.measurementNote
                }
                return view
            }, canEdit: canEdit, canRecordStage: canEdit && !allowed.isEmpty,
            stageOptions: allowed.map { OptionView(value: $0.rawValue, label: presenter.stageLabel($0.rawValue), selected: false) },
            kindOptions: IndicatorKind.allCases.map { OptionView(value: $0.rawValue, label: presenter.kindLabel($0), selected: false) },
            indicatorOptions: adoption.indicators.map { OptionView(value: String($0.id), label: $0.name, selected: false) },
            hasIndicators: !adoption.indicators.isEmpty,
            errors: errors.map { presenter.problem($0, labels: "adoption.field_") }, hasErrors: !errors.isEmpty, typed: typed)
        return pages.render("adoption", view, status: status)
    }
}
