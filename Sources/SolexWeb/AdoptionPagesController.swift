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
    private var presenter: NetworkPresenter { NetworkPresenter(reference: reference) }

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
                return try list(context, errors: [FieldError(field: kind.rawValue, reason: "no \(kind.rawValue) has this ref")],
                                typed: (need, innovation, startedOn))
            }
        }
        group.get("adoptions.csv") { _, _ in
            ReportPagesController.download(try adoptions.csv(), type: "text/csv; charset=utf-8", name: "solex-adoptions.csv")
        }
        group.get("adoptions/:id") { request, context in
            let notice = request.uri.queryParameters.get("saved") != nil ? "Saved." : nil
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
                    throw CatalogueError.invalid(ValidationFailure([FieldError(field: "stage", reason:
                        "must be one of \(AdoptionStage.allCases.map(\.rawValue).joined(separator: ", "))")]))
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
                if kind == nil { errors.append(FieldError(field: "kind", reason: "must be one of \(IndicatorKind.allCases.map(\.rawValue).joined(separator: ", "))")) }
                let baseline = Self.number(typed.baseline), target = Self.number(typed.target)
                if baseline == nil { errors.append(FieldError(field: "baseline", reason: "must be a number")) }
                if target == nil { errors.append(FieldError(field: "target", reason: "must be a number")) }
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
                    throw CatalogueError.invalid(ValidationFailure([FieldError(field: "value", reason: "must be a number")]))
                }
                try adoptions.addMeasurement(adoption.id, indicator: indicator, date: typed.measurementDate.trimmingCharacters(in: .whitespaces),
                                             value: value, note: typed.measurementNote, actor: context.actor)
            }
        }
    }

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
        let regions = Dictionary(catalogue.mapRegions.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let stageLabels = Dictionary(AdoptionStage.allCases.map { ($0.rawValue, $0.label) }, uniquingKeysWith: { first, _ in first })
        let goals = presenter.goalLabels()
        let canCreate = context.actor.role == .focalPoint || AccessPolicy.decide(context.actor, .manageMembers).isAllowed
        let view = AdoptionsPageView(
            layout: LayoutView(title: "Adoptions", context: context, section: "adoptions"),
            adoptions: all.map(presenter.row), total: summary.total,
            byStage: summary.byStage.map { CountRowView(label: stageLabels[$0.key] ?? AdoptionStage.notStartedLabel, count: $0.count) },
            byGoal: summary.byGoal.map { CountRowView(label: "Goal \($0.goal): \(goals[$0.goal] ?? "")", count: $0.count) },
            byRegion: summary.byRegion.map { CountRowView(label: $0.region.flatMap { regions[$0] } ?? "No region", count: $0.count) },
            byKind: summary.byKind.map { KindRowView(label: $0.kind.label, indicators: $0.indicators, measured: $0.measured,
                                                     median: IndicatorProgress.percent($0.medianImprovement)) },
            canCreate: canCreate, createErrors: errors.map { FieldProblemView(field: $0.field, reason: $0.reason) }, hasCreateErrors: !errors.isEmpty,
            needValue: typed.0, innovationValue: typed.1, startedOnValue: typed.2)
        return pages.render("adoptions", view, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func show(_ adoption: Adoption, _ context: AppRequestContext, notice: String? = nil, errors: [FieldError] = [],
                      typed: AdoptionTypedView = AdoptionTypedView(), status: HTTPResponse.Status = .ok) throws -> Response {
        let row = presenter.row(adoption)
        let facts = [
            FactView(label: "Need", value: "\(adoption.needRef): \(row.need.label) (\(row.needCountry.label))"),
            FactView(label: "Innovation", value: "\(adoption.innovationRef): \(row.innovation.label) (\(row.innovationCountry.label))"),
            FactView(label: "Partnership started", value: adoption.startedOn),
            FactView(label: "Stage", value: adoption.stageLabel + (adoption.stageDate.map { " since \($0)" } ?? "")),
            FactView(label: "SDG goals", value: adoption.goals.isEmpty ? "—" : adoption.goals.map(String.init).joined(separator: ", ")),
        ]
        let canEdit = AccessPolicy.decide(context.actor, .editAdoption(needCountry: adoption.needCountry,
                                                                        innovationCountry: adoption.innovationCountry)).isAllowed
        let allowed = AdoptionStage.allCases.filter { AdoptionStage.refusal(from: adoption.stage, to: $0) == nil }
        let view = AdoptionPageView(
            layout: LayoutView(title: "Adoption \(adoption.id): \(row.innovation.label) in \(row.needCountry.label)", context: context,
                               section: "adoptions", notice: notice),
            id: adoption.id, facts: facts,
            stages: adoption.stages.map { StageRowView(stage: $0.stage.label, date: $0.date, note: $0.note, by: $0.by) },
            indicators: adoption.indicators.map { indicator in
                var view = presenter.indicator(indicator, adoption: adoption.id)
                if typed.indicatorID == indicator.id {
                    view.typedDate = typed.measurementDate
                    view.typedValue = typed.value
                    view.typedNote = typed.measurementNote
                }
                return view
            }, canEdit: canEdit, canRecordStage: canEdit && !allowed.isEmpty,
            stageOptions: allowed.map { OptionView(value: $0.rawValue, label: $0.label, selected: false) },
            kindOptions: IndicatorKind.allCases.map { OptionView(value: $0.rawValue, label: $0.label, selected: false) },
            indicatorOptions: adoption.indicators.map { OptionView(value: String($0.id), label: $0.name, selected: false) },
            hasIndicators: !adoption.indicators.isEmpty,
            errors: errors.map { FieldProblemView(field: $0.field, reason: $0.reason) }, hasErrors: !errors.isEmpty, typed: typed)
        return pages.render("adoption", view, status: status)
    }
}
