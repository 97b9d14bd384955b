import Foundation

/// How far an innovation has been rolled out.
public enum Scale: String, Sendable, CaseIterable, Codable {
    case pilot, subnational, national, multinational
}

/// How strong the evidence of impact is, weakest first.
public enum EvidenceLevel: String, Sendable, CaseIterable, Codable {
    case anecdotal, monitored, evaluated, experimental
}

/// Kinds of support a country asks for or a champion offers.
public enum SupportType: String, Sendable, CaseIterable, Codable {
    case studyVisit = "study-visit"
    case technicalAssistance = "technical-assistance"
    case peerLearning = "peer-learning"
    case secondment
    case softwareTransfer = "software-transfer"
    case financing
}

/// Where an entry stands in review.
public enum EntryStatus: String, Sendable, CaseIterable, Codable {
    /// Being written by its focal point.
    case draft
    /// Waiting for the secretariat's review.
    case submitted
    /// Public: listed, searchable and proposed by the matcher.
    case published
    /// Sent back to its focal point with a reason.
    case returned
    /// Out of public view.
    case archived
}

/// The two kinds of catalogue entry.
public enum EntryKind: String, Sendable, CaseIterable, Codable {
    case innovation, need

    /// The entry's fields in interchange order.
    public var fields: [FieldSpec] {
        switch self {
        case .innovation: InnovationFields.all
        case .need: NeedFields.all
        }
    }

    /// Plural noun used in URLs, tables and CLI arguments.
    public var plural: String { self == .innovation ? "innovations" : "needs" }

    /// The field holding the entry's country.
    public var countryField: String { self == .innovation ? "origin_country" : "country" }
}
