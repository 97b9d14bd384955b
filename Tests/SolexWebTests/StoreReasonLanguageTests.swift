import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SolexCore
import SolexStore
import Testing
@testable import SolexWeb

/// Reasons the store gives for refusing a write (review, merge, workshop requests) reach the page in its language,
/// with the values the reader knows (a status's name, a country code) in place, and no English sentence.
@Suite("Store refusals in French and Spanish", .serialized)
struct StoreReasonLanguageTests {
    struct Words: Sendable, CustomTestStringConvertible {
        var language: InterfaceLanguage
        /// Returning an entry with no reason.
        var reasonRequired: String
        /// Publishing again an entry that is published.
        var notApplicable: String
        /// Merging an innovation into itself.
        var mergeItself: String
        /// A meeting request for a need that does not exist.
        var noNeed: String
        /// A meeting request that is already there.
        var alreadyRequested: String
        /// A pair of a report skipped because a country has no delegation.
        var skippedNoDelegation: String
        var testDescription: String { language.code }
    }

    static let words = [
        Words(language: .fr, reasonRequired: "est obligatoire pour renvoyer une fiche",
              notApplicable: "« Republier » ne s’applique pas à une fiche dont le statut est « Publié »",
              mergeItself: "doit être une autre innovation que INN-BGD-001", noNeed: "aucun besoin « NOPE »",
              alreadyRequested: "ce besoin et cette innovation sont déjà demandés", skippedNoDelegation: "à l’atelier</li>"),
        Words(language: .es, reasonRequired: "es obligatorio para devolver una ficha",
              notApplicable: "«Volver a publicar» no se aplica a una ficha cuyo estado es «Publicada»",
              mergeItself: "debe ser otra innovación distinta de INN-BGD-001", noNeed: "no existe la necesidad «NOPE»",
              alreadyRequested: "esta necesidad y esta innovación ya están solicitadas", skippedNoDelegation: "en el taller</li>"),
    ]

    /// English sentences of the store that must not show on a French or Spanish page.
    static let english = ["is required to return", "does not apply to an entry", "must be another", "no need '", "already requested",
                          "in the workshop"]

    @Test("Review and merge refusals", arguments: words)
    func reviewAndMerge(_ words: Words) async throws {
        try await withApp(as: nil) { client in
            var session = try await FormSession.start(client, at: "/innovations/INN-BGD-001", as: .secretariat)
            session.cookie += "; solex_lang=\(words.language.code)"
            let noReason = try await session.post(client, "/innovations/INN-BGD-001/review", [("action", "return"), ("reason", "")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.contains(words.reasonRequired))
            let notApplicable = try await session.post(client, "/innovations/INN-BGD-001/review", [("action", "restore")])
            #expect(notApplicable.status == .unprocessableContent)
            #expect(notApplicable.text.contains(words.notApplicable), "\(notApplicable.text)")
            let itself = try await session.post(client, "/innovations/INN-BGD-001/merge", [("duplicate", "INN-BGD-001")])
            #expect(itself.status == .unprocessableContent)
            #expect(itself.text.contains(words.mergeItself))
            for page in [noReason, notApplicable, itself] {
                for sentence in Self.english { #expect(!page.text.contains(sentence), "\(sentence)") }
            }
        }
    }

    @Test("A workshop's meeting requests: refused by hand, skipped from a report", arguments: words)
    func workshopRequests(_ words: Words) async throws {
        let fixture = try WorkshopFixture(scheduled: false)
        try await withApp(fixture.database, as: nil) { client in
            var session = try await FormSession.start(client, at: "/workshops/dhaka-2017", as: .organiser)
            session.cookie += "; solex_lang=\(words.language.code)"
            let unknown = try await session.post(client, "/workshops/dhaka-2017/requests", [("source", "hand"), ("need", "NOPE"), ("innovation", "INN-LKA-001")])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains(words.noNeed), "\(unknown.text)")
            let pair = [("source", "hand"), ("need", "NEED-KHM-001"), ("innovation", "INN-LKA-001")]
            #expect(try await session.post(client, "/workshops/dhaka-2017/requests", pair).status == .ok)
            let again = try await session.post(client, "/workshops/dhaka-2017/requests", pair)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains(words.alreadyRequested))
            let imported = try await session.post(client, "/workshops/dhaka-2017/requests",
                                                  [("source", "report"), ("report", String(fixture.report)), ("selection", "top"), ("top", "2")])
            #expect(imported.status == .ok)
            #expect(imported.text.contains(words.skippedNoDelegation), "skipped pairs say why in the page's language")
            for page in [unknown, again, imported] {
                for sentence in Self.english { #expect(!page.text.contains(sentence), "\(sentence)") }
            }
        }
    }
}
