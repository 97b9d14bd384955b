import Foundation
import Hummingbird
import Mustache

/// Renders view models with the Mustache templates of the Web/ folder, in each interface language.
///
/// The templates are read once; for each language the `[[key]]` messages of the catalogue are put into them
/// (see `TemplateTranslator`) and the result is parsed, so rendering a page costs the same in every language.
struct PageRenderer: Sendable {
    /// Every template the pages use; start-up fails if one is missing.
    static let requiredTemplates = ["header", "footer", "home", "entry_list", "entry_detail", "entry_form", "confirm_delete", "similar_entries", "merge_confirm", "member_remove",
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

    struct UnknownMessageKeys: Error, CustomStringConvertible {
        var keys: [TemplateTranslator.UnknownKey]
        var description: String {
            "templates use message keys the catalogue lacks: " + keys.map { "\($0.template).mustache: \($0.key)" }.joined(separator: ", ")
        }
    }

    /// The templates of each language.
    let libraries: [InterfaceLanguage: MustacheLibrary]
    /// The messages the templates were filled with.
    let messages: MessageCatalogue

    /// Loads every template of `<webDirectory>/templates` and the catalogue of `<webDirectory>/i18n`, and parses the
    /// templates once per language. Fails if a template is missing, does not parse or uses an unknown key, or if
    /// the catalogue is incomplete.
    init(webDirectory: String) throws {
        try self.init(templatesDirectory: webDirectory + "/templates", messages: MessageCatalogue(directory: webDirectory + "/i18n"))
    }

    init(templatesDirectory: String, messages: MessageCatalogue) throws {
        let sources = try Self.templateSources(templatesDirectory)
        let missing = Self.requiredTemplates.filter { sources[$0] == nil }
        if !missing.isEmpty { throw MissingTemplates(directory: templatesDirectory, names: missing) }
        var libraries: [InterfaceLanguage: MustacheLibrary] = [:]
        var unknown = Set<TemplateTranslator.UnknownKey>()
        for language in InterfaceLanguage.allCases {
            var library = MustacheLibrary()
            for (name, source) in sources {
                let translated = TemplateTranslator.translate(source, named: name, messages: messages.messages[language] ?? [:])
                unknown.formUnion(translated.unknown)
                try library.register(translated.text, named: name)
            }
            libraries[language] = library
        }
        if !unknown.isEmpty { throw UnknownMessageKeys(keys: unknown.sorted { ($0.template, $0.key) < ($1.template, $1.key) }) }
        self.libraries = libraries
        self.messages = messages
    }

    /// The source of every `.mustache` file in `directory`, by name without the extension.
    static func templateSources(_ directory: String) throws -> [String: String] {
        var sources: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory) where file.hasSuffix(".mustache") {
            sources[String(file.dropLast(".mustache".count))] = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
        }
        return sources
    }

    /// The HTML of `template` rendered with `view` in `language`.
    func html(_ template: String, _ view: Any, in language: InterfaceLanguage) -> String {
        libraries[language]?.render(view, withTemplate: template) ?? ""
    }

    /// An HTML response of `template` rendered with a page's view, in the page's language.
    func render(_ template: String, _ view: some PageView, status: HTTPResponse.Status = .ok) -> Response {
        render(template, view, in: view.layout.language, status: status)
    }

    /// An HTML response of `template` rendered with `view` in `language`.
    func render(_ template: String, _ view: Any, in language: InterfaceLanguage, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .contentLanguage: language.code],
                 body: .init(byteBuffer: ByteBuffer(string: html(template, view, in: language))))
    }
}

/// A whole page's view model: it carries the layout, and with it the page's language.
protocol PageView {
    var layout: LayoutView { get }
}
