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
        if password.unicodeScalars.count < minimumLength { return "must be at least \(minimumLength) characters long" }
        if password.utf8.count > maximumBytes { return "must be at most \(maximumBytes) bytes long" }
        if Set(password.unicodeScalars).count < 5 { return "must use at least 5 different characters" }
        let lowered = password.lowercased()
        if common.contains(lowered) { return "is too common; choose another" }
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if local.count >= 4 && lowered.contains(local) { return "must not contain your e-mail address" }
        return nil
    }
}
