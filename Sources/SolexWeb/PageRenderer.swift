import Foundation
import Hummingbird
import Mustache

/// Renders view models with the Mustache templates of the Web/ folder.
struct PageRenderer: Sendable {
    /// Every template the pages use; start-up fails if one is missing.
    static let requiredTemplates = ["header", "footer", "home", "entry_list", "entry_detail", "entry_form", "confirm_delete", "similar_entries", "merge_confirm",
                                    "countries", "reference", "reference_index", "error", "entry_item", "field_attrs", "search",
                                    "reports", "report", "report_body", "report_field", "report_print", "report_diff", "sign_in", "account_password", "account_tokens",
                                    "review_queue", "audit", "users",
                                    "workshops", "workshop_new", "workshop", "workshop_field", "agenda_grid", "agenda_print",
                                    "members", "member", "adoption_table", "map_filter", "sdg_map",
                                    "sdg_goal_map", "adoptions", "adoption"]

    struct MissingTemplates: Error, CustomStringConvertible {
        var directory: String
        var names: [String]
        var description: String { "missing templates in \(directory): \(names.map { $0 + ".mustache" }.joined(separator: ", "))" }
    }

    let library: MustacheLibrary

    /// Loads and parses every template in `templatesDirectory`.
    init(templatesDirectory: String) async throws {
        library = try await MustacheLibrary(directory: templatesDirectory)
        let missing = Self.requiredTemplates.filter { library.getTemplate(named: $0) == nil }
        if !missing.isEmpty { throw MissingTemplates(directory: templatesDirectory, names: missing) }
    }

    /// An HTML response of `template` rendered with `view`.
    func render(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(view, withTemplate: template) ?? ""
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
