import Foundation
import SolexCore
import SolexStore

/// The needs of a report, a page at a time: a report of 2,000 needs with ten proposals each, every proposal with its
/// explanation and status form, is too heavy for one page on a slow link. The report page shows `perPage` needs in
/// the report's order; the printable page and the exports keep every need.
struct ReportNeedPages {
    /// Needs on one page of a report.
    static let perPage = 50
    /// More pages than any report can fill (a report holds at most 100 pairs for each of the catalogue's needs).
    static let maximumPage = 100_000

    /// The report's needs in order, each with its pairs.
    let needs: [[MatchReportPair]]

    init(_ report: MatchReport) { needs = report.byNeed }

    /// How many pages the needs fill (at least one, for a report without pairs).
    var pageCount: Int { max(1, (needs.count + Self.perPage - 1) / Self.perPage) }

    /// The positions of page `page`'s needs.
    func range(_ page: Int) -> Range<Int> {
        let start = min(needs.count, (page - 1) * Self.perPage)
        return start..<min(needs.count, start + Self.perPage)
    }

    /// The page that shows need `ref` (the first page if the report does not hold it).
    func page(of ref: String) -> Int {
        (needs.firstIndex { $0.first?.needRef == ref }).map { $0 / Self.perPage + 1 } ?? 1
    }

    /// The page asked for by the `page` query parameter: the first when absent or empty, nil when it is not a page of
    /// the report.
    func page(asked text: String?) -> Int? {
        guard let text, !text.isEmpty else { return 1 }
        guard let page = Int(text), (1...pageCount).contains(page) else { return nil }
        return page
    }
}
