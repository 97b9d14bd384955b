import Foundation

/// The rules a new password must meet, with a message that says which one failed.
public enum PasswordPolicy {
    /// The shortest password accepted, in Unicode code points (as NIST SP 800-63B counts them).
    public static let minimumLength = 12
    /// The longest (bcrypt reads 72 bytes at most).
    public static let maximumBytes = 72

    /// Passwords too common to accept whatever their length.
    static let common: Set<String> = [
        "password1234", "123456789012", "qwertyuiopas", "passwordpassword", "administrator", "letmeinletmein",
        "iloveyou1234", "welcome12345", "solexsolexsolex", "changeme1234", "abcdefghijkl", "000000000000",
    ]

    /// Nil when the password is acceptable for `email`, otherwise the reason (shown next to the field).
    public static func problem(with password: String, email: String) -> String? {
        rule(broken: password, email: email)?.reason
    }

    /// Nil when the password is acceptable for `email`, otherwise the sentence "The password ..." that says why, in a
    /// form the interface can translate (keys `password.rule.*`).
    public static func explanation(with password: String, email: String) -> Explanation? {
        rule(broken: password, email: email).map { Explanation($0.key, $0.values, english: "The password " + $0.reason + ".") }
    }

    /// The first rule `password` breaks: its catalogue key, values and English reason.
    private static func rule(broken password: String, email: String) -> (key: String, values: [String: String], reason: String)? {
        if password.unicodeScalars.count < minimumLength {
            return ("password.rule.too_short", ["minimum": String(minimumLength)], "must be at least \(minimumLength) characters long")
        }
        if password.utf8.count > maximumBytes {
            return ("password.rule.too_long", ["maximum": String(maximumBytes)], "must be at most \(maximumBytes) bytes long")
        }
        if Set(password.unicodeScalars).count < 5 { return ("password.rule.few_characters", ["count": "5"], "must use at least 5 different characters") }
        let lowered = password.lowercased()
        if common.contains(lowered) { return ("password.rule.too_common", [:], "is too common; choose another") }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if local.count >= 4 && lowered.contains(local) { return ("password.rule.contains_email", [:], "must not contain your e-mail address") }
        return nil
    }
}
