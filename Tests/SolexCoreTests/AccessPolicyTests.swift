import SolexCore
import Testing

/// Who may do what: a table of actors and permissions with the expected answer.
@Suite("Access policy")
struct AccessPolicyTests {
    static let anonymous = Actor.webVisitor
    static let admin = Actor(name: "a@x.org", channel: .web, role: .admin, userID: 1)
    static let secretariat = Actor(name: "s@x.org", channel: .web, role: .secretariat, userID: 2)
    static let organiser = Actor(name: "o@x.org", channel: .web, role: .organiser, userID: 3)
    static let benin = Actor(name: "f@bj.org", channel: .web, role: .focalPoint, country: "BEN", userID: 4)
    static let lostFocal = Actor(name: "n@x.org", channel: .web, role: .focalPoint, country: nil, userID: 5)

    enum Expected: Sendable { case allowed, signIn, forbidden }

    static let table: [(Actor, Permission, Expected)] = [
        (anonymous, .readEntry(country: "BEN", status: .published), .allowed),
        (anonymous, .readEntry(country: "BEN", status: .draft), .signIn),
        (anonymous, .createEntry(country: "BEN"), .signIn),
        (anonymous, .matchReports, .signIn),
        (anonymous, .ownAccount, .signIn),
        (benin, .readEntry(country: "BEN", status: .submitted), .allowed),
        (benin, .readEntry(country: "NPL", status: .submitted), .forbidden),
        (benin, .readEntry(country: "NPL", status: .published), .allowed),
        (benin, .createEntry(country: "BEN"), .allowed),
        (benin, .createEntry(country: "NPL"), .forbidden),
        (benin, .editEntry(country: "BEN", status: .draft, newCountry: "BEN"), .allowed),
        (benin, .editEntry(country: "BEN", status: .published, newCountry: "BEN"), .allowed),
        (benin, .editEntry(country: "BEN", status: .draft, newCountry: "NPL"), .forbidden),
        (benin, .editEntry(country: "NPL", status: .draft, newCountry: "BEN"), .forbidden),
        (benin, .editEntry(country: "BEN", status: .archived, newCountry: "BEN"), .forbidden),
        (benin, .deleteEntry(country: "BEN", status: .draft), .allowed),
        (benin, .deleteEntry(country: "BEN", status: .published), .forbidden),
        (benin, .deleteEntry(country: "NPL", status: .draft), .forbidden),
        (benin, .review(.submit, country: "BEN"), .allowed),
        (benin, .review(.submit, country: "NPL"), .forbidden),
        (benin, .review(.publish, country: "BEN"), .forbidden),
        (benin, .review(.return, country: "BEN"), .forbidden),
        (benin, .importEntries, .forbidden),
        (benin, .matchReports, .forbidden),
        (benin, .workshops, .forbidden),
        (benin, .readWorkshops, .allowed),
        (benin, .auditLog, .forbidden),
        (benin, .manageUsers, .forbidden),
        (benin, .ownAccount, .allowed),
        (lostFocal, .createEntry(country: "BEN"), .forbidden),
        (organiser, .workshops, .allowed),
        (organiser, .createEntry(country: "BEN"), .forbidden),
        (organiser, .matchReports, .forbidden),
        (organiser, .readEntry(country: "BEN", status: .draft), .forbidden),
        (secretariat, .review(.publish, country: "NPL"), .allowed),
        (secretariat, .editEntry(country: "NPL", status: .archived, newCountry: "BEN"), .allowed),
        (secretariat, .matchReports, .allowed),
        (secretariat, .workshops, .allowed),
        (secretariat, .auditLog, .allowed),
        (secretariat, .manageUsers, .forbidden),
        (admin, .manageUsers, .allowed),
        (admin, .importEntries, .allowed),
        (Actor.commandLine, .importEntries, .allowed),
    ]

    @Test("Each actor gets the expected answer", arguments: table)
    func decide(actor: Actor, permission: Permission, expected: Expected) {
        let decision = AccessPolicy.decide(actor, permission)
        switch (decision, expected) {
        case (.allowed, .allowed), (.signInRequired, .signIn), (.forbidden, .forbidden): break
        default: Issue.record("\(actor.name) \(permission): got \(decision), expected \(expected)")
        }
        if case .forbidden(let reason) = decision { #expect(reason.key.hasPrefix("error.denied.") && !reason.english.isEmpty) }
    }

    @Test("Review steps move between the right statuses", arguments: [
        (ReviewAction.submit, EntryStatus.draft, EntryStatus?.some(.submitted)),
        (.submit, .returned, .submitted),
        (.submit, .published, nil),
        (.withdraw, .submitted, .draft),
        (.publish, .submitted, .published),
        (.publish, .draft, nil),
        (.return, .submitted, .returned),
        (.return, .draft, nil),
        (.archive, .published, .archived),
        (.archive, .archived, nil),
        (.restore, .archived, .published),
        (.restore, .draft, nil),
    ])
    func review(action: ReviewAction, from: EntryStatus, to: EntryStatus?) {
        #expect(action.next(from: from) == to)
    }

    @Test("Password rules name the problem", arguments: [
        ("short", "f@bj.org", "must be at least 12 characters long"),
        ("aaaaaaaaaaaaaaaa", "f@bj.org", "must use at least 5 different characters"),
        ("Password1234", "f@bj.org", "is too common; choose another"),
        ("amina.diallo-2026!", "amina.diallo@gouv.bj", "must not contain your e-mail address"),
        (String(repeating: "ঢাকা", count: 10), "f@bj.org", "must be at most 72 bytes long"),
        ("correct horse battery staple", "f@bj.org", nil),
        ("ঢাকা ডিজিটাল সেবা", "f@bj.org", nil),
    ] as [(String, String, String?)])
    func password(password: String, email: String, problem: String?) {
        #expect(PasswordPolicy.problem(with: password, email: email) == problem)
    }
}
