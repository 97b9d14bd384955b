import Foundation
import SolexCore
@testable import SolexStore
import Testing

@Suite("Catalogue: create, read, update, delete")
struct CatalogueTests {
    let editor = Actor(name: "editor@example.org", channel: .web, role: .secretariat)
    let reviewer = Actor(name: "reviewer@example.org", channel: .api, role: .secretariat)

    @Test("Create, get, update and delete an innovation")
    func roundTrip() throws {
        let clock = TestClock()
        let catalogue = try makeCatalogue(clock: clock)
        let createdAt = clock.now()
        let created = try catalogue.create(.innovation, input: Input.innovation("INN-1", targets: ["16.9"]),
                                           status: .draft, actor: editor)
        #expect(created.ref == "INN-1")
        #expect(created.metadata.id != nil)
        #expect(created.metadata.status == .draft)
        #expect(created.metadata.createdBy == "editor@example.org")
        #expect(created.metadata.updatedBy == "editor@example.org")
        #expect(created.metadata.createdAt == createdAt)
        #expect(created.values["tags"] == .list([]))
        #expect(created.values["url"] == .null)
        #expect(try catalogue.entry(.innovation, ref: "INN-1") == created)
        #expect(try catalogue.entry(.need, ref: "INN-1") == nil)

        clock.advance(seconds: 3600)
        var input = Input.innovation("INN-1", title: "A better title")
        input["beneficiaries"] = .integer(5000)
        let updated = try catalogue.update(.innovation, ref: "INN-1", input: input, actor: reviewer)
        #expect(updated.title == "A better title")
        #expect(updated.values["beneficiaries"] == .integer(5000))
        #expect(updated.values["sdg_targets"] == .list([]))
        #expect(updated.metadata.id == created.metadata.id)
        #expect(updated.metadata.status == .draft)
        #expect(updated.metadata.createdBy == "editor@example.org")
        #expect(updated.metadata.updatedBy == "reviewer@example.org")
        #expect(updated.metadata.createdAt == createdAt)
        #expect(updated.metadata.updatedAt == createdAt.addingTimeInterval(3600))
        #expect(try catalogue.entry(.innovation, ref: "INN-1") == updated)

        try catalogue.delete(.innovation, ref: "INN-1", actor: reviewer)
        #expect(try catalogue.entry(.innovation, ref: "INN-1") == nil)
        #expect(try catalogue.storedCount(.innovation) == 0)
    }

    @Test("Create, get, update and delete a need")
    func needRoundTrip() throws {
        let catalogue = try makeCatalogue()
        let created = try catalogue.create(.need, input: Input.need("NEED-1", themes: ["health"]), actor: .commandLine)
        #expect(created.metadata.status == .draft)
        #expect(created.country == "BEN")
        #expect(created.list("themes") == ["health"])
        #expect(try catalogue.entry(.need, ref: "NEED-1") == created)
        var input = Input.need("NEED-1")
        input["ref"] = nil  // taken from the path
        input["support_types"] = .list(["financing"])
        let updated = try catalogue.update(.need, ref: "NEED-1", input: input, actor: .commandLine)
        #expect(updated.list("support_types") == ["financing"])
        #expect(updated.list("themes") == [])
        #expect(updated.metadata.createdBy == "cli")
        #expect(updated.metadata.updatedBy == "cli")
        try catalogue.delete(.need, ref: "NEED-1", actor: .commandLine)
        #expect(try catalogue.entry(.need, ref: "NEED-1") == nil)
    }

    @Test("The same ref twice is a validation error on ref")
    func duplicateRef() throws {
        let catalogue = try makeCatalogue()
        try catalogue.create(.innovation, input: Input.innovation("INN-1"), actor: editor)
        #expect(throws: CatalogueError.invalid(ValidationFailure([
            FieldError(field: "ref", reason: "is already used by another innovation"),
        ]))) {
            try catalogue.create(.innovation, input: Input.innovation("INN-1", title: "Other"), actor: reviewer)
        }
        #expect(try catalogue.entry(.innovation, ref: "INN-1")?.title == "An innovation")
        // Innovations and needs have separate refs.
        try catalogue.create(.need, input: Input.need("INN-1"), actor: editor)
        #expect(try catalogue.storedCount(.need) == 1)
    }

    @Test("An update cannot change the ref")
    func refCannotChange() throws {
        let catalogue = try makeCatalogue()
        try catalogue.create(.innovation, input: Input.innovation("INN-1"), actor: editor)
        let error = #expect(throws: CatalogueError.self) {
            try catalogue.update(.innovation, ref: "INN-1", input: Input.innovation("INN-2"), actor: editor)
        }
        guard case .invalid(let failure)? = error else {
            Issue.record("expected a validation error, got \(String(describing: error))")
            return
        }
        #expect(failure.errors.map(\.field) == ["ref"])
        #expect(failure.errors.first?.reason.contains("cannot be changed") == true)
        #expect(try catalogue.entry(.innovation, ref: "INN-2") == nil)
        #expect(try catalogue.entry(.innovation, ref: "INN-1")?.metadata.updatedBy == "editor@example.org")
    }

    @Test("Updating or deleting a missing entry is notFound")
    func missing() throws {
        let catalogue = try makeCatalogue()
        try catalogue.create(.innovation, input: Input.innovation("INN-1"), actor: editor)
        #expect(throws: CatalogueError.notFound(.innovation, "INN-9")) {
            try catalogue.update(.innovation, ref: "INN-9", input: Input.innovation("INN-9"), actor: editor)
        }
        // A missing entry is reported before its input is checked.
        #expect(throws: CatalogueError.notFound(.innovation, "INN-9")) {
            try catalogue.update(.innovation, ref: "INN-9", input: Input.innovation("INN-8", country: "XXX"), actor: editor)
        }
        #expect(throws: CatalogueError.notFound(.innovation, "INN-9")) {
            try catalogue.delete(.innovation, ref: "INN-9", actor: editor)
        }
        #expect(throws: CatalogueError.notFound(.need, "INN-1")) {
            try catalogue.delete(.need, ref: "INN-1", actor: editor)
        }
        #expect(try catalogue.storedCount(.innovation) == 1)
    }

    @Test("Invalid input is refused with every problem and nothing is stored")
    func invalidInput() throws {
        let catalogue = try makeCatalogue()
        var input = Input.innovation("INN-1", country: "XXX", themes: [])
        input["colour"] = .text("red")
        let error = #expect(throws: CatalogueError.self) {
            try catalogue.create(.innovation, input: input, actor: editor)
        }
        guard case .invalid(let failure)? = error else {
            Issue.record("expected a validation error, got \(String(describing: error))")
            return
        }
        #expect(failure.errors.map(\.field) == ["origin_country", "themes", "colour"])
        #expect(try catalogue.storedCount(.innovation) == 0)

        try catalogue.create(.innovation, input: Input.innovation("INN-1"), actor: editor)
        #expect(throws: CatalogueError.self) {
            try catalogue.update(.innovation, ref: "INN-1", input: Input.innovation("INN-1", title: ""), actor: reviewer)
        }
        #expect(try catalogue.entry(.innovation, ref: "INN-1")?.title == "An innovation")
    }

    @Test("Every status is kept", arguments: EntryStatus.allCases)
    func statusKept(_ status: EntryStatus) throws {
        let catalogue = try makeCatalogue()
        try catalogue.create(.need, input: Input.need("NEED-1"), status: status, actor: editor)
        #expect(try catalogue.entry(.need, ref: "NEED-1")?.metadata.status == status)
        try catalogue.update(.need, ref: "NEED-1", input: Input.need("NEED-1", title: "Changed"), actor: reviewer)
        #expect(try catalogue.entry(.need, ref: "NEED-1")?.metadata.status == status)
    }

    @Test("Text is stored exactly")
    func textStoredExactly() throws {
        let catalogue = try makeCatalogue()
        var input = Input.innovation("INN-1", title: "Cœur \"quoted\" \\ বাংলা ไทย")
        input["description"] = .text("Line one\nLine two\r\nTab\there")
        input["tags"] = .list(["e-kyc", "guichet unique", "العربية"])
        let created = try catalogue.create(.innovation, input: input, actor: editor)
        let fetched = try #require(try catalogue.entry(.innovation, ref: "INN-1"))
        #expect(fetched.values == created.values)
        #expect(fetched.values["description"] == .text("Line one\nLine two\r\nTab\there"))
        #expect(fetched.list("tags") == ["e-kyc", "guichet unique", "العربية"])
    }
}
