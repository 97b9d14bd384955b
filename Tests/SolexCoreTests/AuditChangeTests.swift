import SolexCore
import Testing

@Suite("Audit changes")
struct AuditChangeTests {
    static let fields = ["ref", "title", "themes", "beneficiaries", "url"]

    @Test("Only changed fields are listed, in field order, with old and new values as text", arguments: [
        ([:], ["ref": .text("A"), "title": .text("T"), "themes": .list([])] as FieldValues,
         [AuditChange(field: "ref", old: nil, new: "A"), AuditChange(field: "title", old: nil, new: "T")]),
        (["ref": .text("A"), "title": .text("T")], ["ref": .text("A"), "title": .text("T2")],
         [AuditChange(field: "title", old: "T", new: "T2")]),
        (["themes": .list(["health", "education"]), "beneficiaries": .integer(5)],
         ["themes": .list(["health"]), "beneficiaries": .null],
         [AuditChange(field: "themes", old: "health; education", new: "health"),
          AuditChange(field: "beneficiaries", old: "5", new: nil)]),
        (["url": .text("https://a")], [:], [AuditChange(field: "url", old: "https://a", new: nil)]),
        (["zeta": .text("1")], ["zeta": .text("2"), "alpha": .text("x")],
         [AuditChange(field: "alpha", old: nil, new: "x"), AuditChange(field: "zeta", old: "1", new: "2")]),
        (["title": .text("same")], ["title": .text("same")], []),
    ] as [(FieldValues, FieldValues, [AuditChange])])
    func changes(old: FieldValues, new: FieldValues, expected: [AuditChange]) {
        #expect(AuditChange.changes(from: old, to: new, fields: Self.fields) == expected)
    }
}
