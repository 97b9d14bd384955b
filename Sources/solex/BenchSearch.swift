import ArgumentParser
import Foundation
import SolexStore

/// `solex bench-search`: latency of `search` (text, facets, snippets, page) next to the bare FTS5 query, over a query mix.
struct BenchSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-search", abstract: "Measure search latency against the bare FTS5 query (for make bench).",
        shouldDisplay: false)

    @OptionGroup var options: GlobalOptions
    @Option(help: "File of queries, one per line ('#' starts a comment).") var queries: String
    @Option(help: "Rounds over the query mix.") var rounds = 5

    func run() throws {
        let catalogue = try options.openCatalogue()
        let mix = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !mix.isEmpty else { throw ValidationError("\(queries) has no queries") }
        var full: [Double] = [], raw: [Double] = []
        for query in mix { _ = try catalogue.search(SearchQuery(text: query)); _ = try catalogue.rawFTSSearch(query) }
        for _ in 0..<rounds {
            for query in mix {
                var start = DispatchTime.now().uptimeNanoseconds
                _ = try catalogue.search(SearchQuery(text: query), useCache: false)
                full.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                start = DispatchTime.now().uptimeNanoseconds
                _ = try catalogue.rawFTSSearch(query)
                raw.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        }
        func percentile(_ values: [Double], _ p: Double) -> Double {
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        let entries = try catalogue.storedCount(.innovation) + catalogue.storedCount(.need)
        print("Search latency over \(mix.count) queries x \(rounds) rounds, \(entries) entries (ms)")
        print("what                        p50       p99")
        print(String(format: "solex search (uncached) %9.2f %9.2f", percentile(full, 0.5), percentile(full, 0.99)))
        print(String(format: "bare FTS5 query         %9.2f %9.2f", percentile(raw, 0.5), percentile(raw, 0.99)))
        print(String(format: "ratio                   %8.2fx %8.2fx", percentile(full, 0.5) / percentile(raw, 0.5),
                     percentile(full, 0.99) / percentile(raw, 0.99)))
    }
}
