import Foundation
import SolexCore

/// Reasons a workshop's input is refused that the store and the workshop pages both give, each with its interface
/// message key so pages say them in the reader's language.
public enum WorkshopReasons {
    /// A count (top K per need) below 1.
    public static let atLeastOne = Explanation("workshop.reason.at_least_one", english: "must be a whole number of 1 or more")
    /// A meeting request's priority that is negative or not a number.
    public static let priority = Explanation("workshop.reason.priority", english: "must be a number of 0 or more")
    /// No match report was chosen.
    public static let chooseReport = Explanation("workshop.reason.choose_report", english: "choose a stored match report")

    /// No stored report has the id.
    public static func noReport(_ id: Int64) -> Explanation {
        Explanation("workshop.reason.no_report", ["id": String(id)], english: "no stored report has the id \(id)")
    }
}
