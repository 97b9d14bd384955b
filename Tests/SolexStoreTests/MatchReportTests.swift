import Foundation
import GRDB
import SolexCore
@testable import SolexStore
import Testing

/// The demo catalogue (43 innovations, 18 needs, all published) in memory, with a hand-moved clock.
private func demoReports(clock: TestClock = TestClock()) throws -> MatchReports {
    let catalogue = try makeCatalogue(clock: clock)
    try Bootstrap.loadDemo(into: catalogue, seeds: Seeds.directory)
    return MatchReports(catalogue: catalogue)
}

private let secretariat = Actor(name: "secretariat@example.org", channel: .cli, role: .secretariat)

@Suite("Match reports: run, store, show, export, compare; pair status")
struct MatchReportTests {
    @Test("A run over the demo catalogue is stored with its parameters, counts and explained pairs")
    func runStoresSnapshot() throws {
        let clock = TestClock()
        let reports = try demoReports(clock: clock)
        let id = try reports.run(name: "  First run ", parameters: ReportParameters(top: 3), actor: secretariat)
        let report = try #require(try reports.report(id))
        #expect(report.summary.name == "First run")
        #expect(report.summary.createdBy == "secretariat@example.org")
        #expect(report.summary.createdAt == clock.now())
        #expect(report.summary.parameters.top == 3)
        #expect(report.summary.needCount == 18)
        #expect(report.summary.innovationCount == 43)
        #expect(report.summary.pairCount == report.pairs.count)
        #expect(report.summary.assignedCount == nil)
        #expect(!report.pairs.isEmpty)
        for group in report.byNeed {
            #expect(group.count <= 3)
            #expect(group.map(\.rank) == Array(1...group.count))
            #expect(group.map(\.score) == group.map(\.score).sorted(by: >))
        }
        for pair in report.pairs {
            #expect(pair.needCountry != pair.innovationCountry)
            #expect(!pair.needTitle.isEmpty && !pair.innovationTitle.isEmpty)
            #expect(abs(pair.explanation.contributions.total - pair.score) < 1e-9)
            #expect(pair.assigned == nil && pair.leftOutReason == nil)
            #expect(pair.status == .proposed && pair.followUp == nil)
            #expect(["south-south", "triangular"].contains(pair.explanation.cooperation))
        }
        #expect(report.pairs.contains { !$0.explanation.sharedTerms.isEmpty })
        let summaries = try reports.list()
        #expect(summaries.map(\.id) == [id])
    }

    @Test("Without a name a report is named after its time; list is newest first")
    func defaultNameAndOrder() throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))  // 2025-06-15 15:06:40 UTC
        let reports = try demoReports(clock: clock)
        let first = try reports.run(parameters: ReportParameters(top: 1), actor: .commandLine)
        clock.advance()
        let second = try reports.run(name: "", parameters: ReportParameters(top: 2), actor: .commandLine)
        let list = try reports.list()
        #expect(list.map(\.id) == [second, first])
        #expect(list.last?.name == "Report of 2025-06-15 15:06 UTC")
    }

    @Test("Filters choose the needs (theme, region, country) and the innovations (evidence)",
          arguments: [
              (ReportParameters(countries: ["UGA", "ZMB"]), "countries"),
              (ReportParameters(regions: ["Africa"]), "regions"),
              (ReportParameters(regions: ["202"]), "regions"),
              (ReportParameters(themes: ["health"]), "themes"),
              (ReportParameters(evidence: [.evaluated, .experimental]), "evidence"),
          ])
    func filters(parameters: ReportParameters, filter: String) throws {
        let reports = try demoReports()
        let catalogue = reports.catalogue
        let report = try reports.require(try reports.run(parameters: parameters, actor: .commandLine))
        let needs = try catalogue.allEntries(.need)
        let innovations = try catalogue.allEntries(.innovation)
        let chosenNeeds = needs.filter { need in
            switch filter {
            case "countries": return ["UGA", "ZMB"].contains(need.country)
            case "regions":
                let country = catalogue.reference.country(need.country)
                return country?.regionCode == 2 && (parameters.regions != ["202"] || country?.subregionCode == 202)
            case "themes": return need.list("themes").contains("health")
            default: return true
            }
        }
        #expect(report.summary.needCount == chosenNeeds.count)
        #expect(report.summary.needCount > 0)
        #expect(Set(report.pairs.map(\.needRef)).isSubset(of: Set(chosenNeeds.map(\.ref))))
        if filter == "evidence" {
            let strong = innovations.filter { ["evaluated", "experimental"].contains($0.values["evidence_level"]?.textValue ?? "") }
            #expect(report.summary.innovationCount == strong.count)
            #expect(Set(report.pairs.map(\.innovationRef)).isSubset(of: Set(strong.map(\.ref))))
        } else {
            #expect(report.summary.innovationCount == innovations.count)
        }
        // The stored parameters are canonical: a region given by name is kept as its code.
        if parameters.regions == ["Africa"] { #expect(report.summary.parameters.regions == ["2"]) }
    }

    @Test("Invalid parameters are refused with every field named, and nothing is stored")
    func invalidParameters() throws {
        let reports = try demoReports()
        var parameters = ReportParameters(top: 0, themes: ["nope"], countries: ["XXX"], capacityPerNeed: 0)
        parameters.minimumScore = -1
        #expect {
            try reports.run(name: String(repeating: "n", count: 201), parameters: parameters, actor: .commandLine)
        } throws: { error in
            guard case MatchReportError.invalid(let failure) = error else { return false }
            return failure.errors.map(\.field) == ["name", "minimum_score", "top", "themes", "countries", "capacity_per_need"]
        }
        #expect(try reports.list().isEmpty)
    }

    @Test("A stored report does not change when the catalogue changes")
    func snapshotSurvivesCatalogueChanges() throws {
        let reports = try demoReports()
        let catalogue = reports.catalogue
        let id = try reports.run(parameters: ReportParameters(top: 5), actor: .commandLine)
        let before = try reports.require(id)
        let first = try #require(before.pairs.first)
        // Rename the proposed innovation, then delete another proposed one and a need.
        var values = try #require(try catalogue.entry(.innovation, ref: first.innovationRef)).values
        values["title"] = .text("A new title")
        try catalogue.update(.innovation, ref: first.innovationRef, input: values, actor: .commandLine)
        let other = try #require(before.pairs.first { $0.innovationRef != first.innovationRef })
        try catalogue.delete(.innovation, ref: other.innovationRef, actor: .commandLine)
        try catalogue.delete(.need, ref: before.pairs.last!.needRef, actor: .commandLine)
        let after = try reports.require(id)
        #expect(after == before)
        #expect(after.pairs.first?.innovationTitle == first.innovationTitle)
        // A new run sees the change.
        let again = try reports.require(try reports.run(parameters: ReportParameters(top: 5), actor: .commandLine))
        #expect(!again.pairs.contains { $0.innovationRef == other.innovationRef })
    }

    @Test("The database itself refuses to update or delete report rows and status history",
          arguments: [
              "UPDATE match_report SET name = 'changed'",
              "DELETE FROM match_report",
              "UPDATE match_report_pair SET score = 0",
              "DELETE FROM match_report_pair",
              "UPDATE pair_status_event SET note = 'changed'",
              "DELETE FROM pair_status_event",
          ])
    func databaseImmutability(sql: String) throws {
        let reports = try demoReports()
        let id = try reports.run(parameters: ReportParameters(top: 2), actor: .commandLine)
        let report = try reports.require(id)
        let pair = try #require(report.pairs.first)
        try reports.setStatus(need: pair.needRef, innovation: pair.innovationRef, status: .contacted, actor: .commandLine)
        #expect(throws: DatabaseError.self) {
            try reports.catalogue.database.write { db in try db.execute(sql: sql) }
        }
        #expect(try reports.require(id) == report.withStatus(of: pair, try reports.status(need: pair.needRef, innovation: pair.innovationRef)))
        #expect(try reports.history(need: pair.needRef, innovation: pair.innovationRef).count == 1)
    }

    @Test("Two runs with different parameters: the diff lists new, dropped and moved pairs")
    func diffOfTwoRuns() throws {
        let reports = try demoReports()
        let small = try reports.run(parameters: ReportParameters(top: 2), actor: .commandLine)
        let large = try reports.run(parameters: ReportParameters(top: 4), actor: .commandLine)
        let grown = try reports.diff(from: small, to: large)
        #expect(grown.diff.dropped.isEmpty)
        #expect(grown.diff.moved.isEmpty)
        #expect(!grown.diff.added.isEmpty)
        #expect(grown.diff.added.allSatisfy { $0.rank > 2 })
        #expect(grown.diff.unchanged == (try reports.require(small)).pairs.count)
        let shrunk = try reports.diff(from: large, to: small)
        #expect(shrunk.diff.dropped.count == grown.diff.added.count)
        #expect(shrunk.diff.added.isEmpty)

        var weights = MatchWeights.defaults
        weights.text = 0.2
        weights.themes = 0.4
        weights.proximity = 0.4
        let reweighted = try reports.run(parameters: ReportParameters(weights: weights, top: 4), actor: .commandLine)
        let changed = try reports.diff(from: large, to: reweighted)
        #expect(!changed.diff.isEmpty)
        #expect(!changed.diff.moved.isEmpty || !changed.diff.added.isEmpty)
        for moved in changed.diff.moved { #expect(moved.oldRank != moved.newRank) }
        #expect(changed.needTitles.count > 0 && changed.innovationTitles.count > 0)
        #expect(throws: MatchReportError.notFound(999)) { try reports.diff(from: large, to: 999) }
    }

    @Test("A pair's status is kept across runs, with its history; moves follow the rules")
    func statusAcrossRuns() throws {
        let clock = TestClock()
        let reports = try demoReports(clock: clock)
        let first = try reports.require(try reports.run(parameters: ReportParameters(top: 3), actor: .commandLine))
        let pair = try #require(first.pairs.first)
        clock.advance()
        try reports.setStatus(need: pair.needRef, innovation: pair.innovationRef, status: .contacted, note: " Wrote to the champion ",
                              actor: secretariat)
        clock.advance()
        try reports.setStatus(need: pair.needRef, innovation: pair.innovationRef, status: .accepted, actor: .commandLine)
        let second = try reports.require(try reports.run(parameters: ReportParameters(top: 3), actor: .commandLine))
        let again = try #require(second.pairs.first { $0.needRef == pair.needRef && $0.innovationRef == pair.innovationRef })
        #expect(again.status == .accepted)
        #expect(again.followUp?.updatedBy == "cli")
        #expect(again.followUp?.updatedAt == clock.now())
        // The first report shows the status now, too.
        #expect(try reports.require(first.summary.id).pairs.first?.status == .accepted)
        let history = try reports.history(need: pair.needRef, innovation: pair.innovationRef)
        #expect(history.map(\.to) == [.contacted, .accepted])
        #expect(history.map(\.from) == [nil, .contacted])
        #expect(history.first?.note == "Wrote to the champion")
        #expect(history.first?.by == "secretariat@example.org")

        #expect {
            try reports.setStatus(need: pair.needRef, innovation: pair.innovationRef, status: .proposed, actor: .commandLine)
            try reports.setStatus(need: pair.needRef, innovation: pair.innovationRef, status: .partnershipStarted, actor: .commandLine)
        } throws: { error in
            guard case MatchReportError.invalid(let failure) = error else { return false }
            return failure.errors.first?.field == "status"
        }
        #expect(throws: CatalogueError.notFound(.need, "NOPE")) {
            try reports.setStatus(need: "NOPE", innovation: pair.innovationRef, status: .contacted, actor: .commandLine)
        }
        #expect(throws: CatalogueError.notFound(.innovation, "NOPE")) {
            try reports.setStatus(need: pair.needRef, innovation: "NOPE", status: .contacted, actor: .commandLine)
        }
        #expect(throws: MatchReportError.self) {
            try reports.setStatus(need: pair.needRef, innovation: pair.innovationRef, status: .contacted,
                                  note: String(repeating: "x", count: 2001), actor: .commandLine)
        }
    }

    @Test("The CSV export has one row per pair with every explanation part in its own column, and the status")
    func csvExport() throws {
        let reports = try demoReports()
        let id = try reports.run(parameters: ReportParameters(top: 2), actor: .commandLine)
        var report = try reports.require(id)
        let pair = try #require(report.pairs.first)
        try reports.setStatus(need: pair.needRef, innovation: pair.innovationRef, status: .contacted, note: "Call, then e-mail",
                              actor: .commandLine)
        report = try reports.require(id)
        let text = String(decoding: try report.csv(), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header == MatchReport.csvHeader)
        for column in ["contribution_text", "contribution_themes", "contribution_sdg", "contribution_tags", "contribution_evidence",
                       "contribution_scale", "contribution_language", "contribution_proximity", "shared_terms", "shared_themes",
                       "shared_targets", "shared_tags", "notes", "cooperation", "assigned", "left_out_reason", "status", "status_note"] {
            #expect(header.contains(column))
        }
        #expect(lines.count == report.pairs.count + 2)
        let firstRow = String(lines[1])
        #expect(firstRow.hasPrefix("\(id),\(pair.needRef),"))
        #expect(firstRow.contains(pair.explanation.sharedTerms.joined(separator: ";")))
        #expect(firstRow.contains(String(format: "%.4f", pair.explanation.contributions.text)))
        #expect(firstRow.contains("contacted,\"Call, then e-mail\","))
    }

    @Test("The JSON export holds the summary and every pair with its explanation and status")
    func jsonExport() throws {
        let reports = try demoReports()
        let id = try reports.run(name: "Health", parameters: ReportParameters(top: 2, themes: ["health"]), actor: .commandLine)
        let report = try reports.require(id)
        let object = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        let summary = try #require(object["report"] as? [String: Any])
        #expect(summary["name"] as? String == "Health")
        #expect((summary["parameters"] as? [String: Any])?["themes"] as? [String] == ["health"])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count == report.pairs.count)
        let explanation = try #require(pairs.first?["explanation"] as? [String: Any])
        #expect(explanation["contributions"] is [String: Any])
        #expect(explanation["shared_terms"] is [String])
        #expect((pairs.first?["status"] as? [String: Any])?["status"] as? String == "proposed")
    }

    @Test("With capacities, each pair is assigned or left out with a reason, within the capacities")
    func capacities() throws {
        let reports = try demoReports()
        let id = try reports.run(parameters: ReportParameters(top: 5, capacityPerInnovation: 1, capacityPerNeed: 2), actor: .commandLine)
        let report = try reports.require(id)
        let assigned = report.pairs.filter { $0.assigned == true }
        #expect(report.summary.assignedCount == assigned.count)
        #expect(!assigned.isEmpty)
        #expect(report.pairs.allSatisfy { $0.assigned != nil })
        #expect(Dictionary(grouping: assigned, by: \.innovationRef).values.allSatisfy { $0.count <= 1 })
        #expect(Dictionary(grouping: assigned, by: \.needRef).values.allSatisfy { $0.count <= 2 })
        for pair in report.pairs where pair.assigned == false {
            #expect(["innovation_full", "need_full", "both_full", "not_positive"].contains(pair.leftOutReason ?? ""))
            #expect(!(pair.leftOutExplanation ?? "").isEmpty)
        }
        for pair in assigned { #expect(pair.leftOutReason == nil) }
        // Only one capacity given: the other side is not limited.
        let perNeed = try reports.require(try reports.run(parameters: ReportParameters(top: 5, capacityPerNeed: 1), actor: .commandLine))
        #expect(Dictionary(grouping: perNeed.pairs.filter { $0.assigned == true }, by: \.needRef).values.allSatisfy { $0.count == 1 })
        #expect(perNeed.pairs.filter { $0.assigned == true }.count == Set(perNeed.pairs.map(\.needRef)).count)
    }
}

extension MatchReport {
    /// This report with the status of one pair replaced.
    fileprivate func withStatus(of pair: MatchReportPair, _ followUp: PairFollowUp?) -> MatchReport {
        var copy = self
        copy.pairs = pairs.map { item in
            var item = item
            if item.needRef == pair.needRef && item.innovationRef == pair.innovationRef { item.followUp = followUp }
            return item
        }
        return copy
    }
}
