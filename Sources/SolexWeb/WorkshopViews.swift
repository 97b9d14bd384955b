import Foundation

// View models of the workshop pages and the printable agenda. Every page view has `isWorkshops = true`: the header
// finds it up the context stack and marks the "Workshops" navigation link as current.

/// A workshop in the list.
struct WorkshopRowView: Sendable {
    var slug: String
    var name: String
    var href: String
    var dates: String
    var venue: String
    var delegationCount: String
    var requestCount: String
    /// "12 of bound 14", or "not scheduled".
    var scheduled: String
}

/// `GET /workshops`.
struct WorkshopListPageView: Sendable {
    var layout: LayoutView
    var isWorkshops = true
    var canCreate: Bool
    var workshops: [WorkshopRowView]
}

/// A control of a workshop form: its id and name, label, value, help and the problem found.
struct WorkshopFieldView: Sendable {
    var id: String
    var name: String
    var label: String
    var value: String
    var help: String?
    var error: String?
    /// "text", "number", "date", "time".
    var type: String
    var required: Bool
    var describedBy: String
}

/// `GET /workshops/new` and a refused `POST /workshops`.
struct WorkshopNewPageView: Sendable {
    var layout: LayoutView
    var isWorkshops = true
    var errors: [FormErrorView]
    var hasErrors: Bool
    var fields: [WorkshopFieldView]
    var reports: [OptionView]
    var hasReports: Bool
    var reportError: String?
    var top: WorkshopFieldView
    var selectionTop: Bool
    var selectionAccepted: Bool
    /// Problems of an uploaded workshop file, each `path: reason`.
    var fileErrors: [String]
}

/// A meeting in a grid cell.
struct GridMeetingView: Sendable {
    var request: String
    var requester: String
    var requesterName: String
    var champion: String
    var championName: String
    var innovation: String
    var pinned: Bool
}

/// One cell of the grid: a meeting, a session held at the table, or nothing.
struct GridCellView: Sendable {
    var meeting: GridMeetingView?
    var session: String?
}

/// One slot of a day: its time and a cell per table.
struct GridRowView: Sendable {
    var slot: Int
    var time: String
    /// The slot's start as written in the workshop file, "09:00" (a machine-readable `data-start`).
    var start: String
    var cells: [GridCellView]
}

/// One day of the organiser's grid.
struct GridDayView: Sendable {
    var id: String
    var title: String
    /// The day as "YYYY-MM-DD" (a machine-readable `data-date`).
    var date: String
    var tables: [String]
    var rows: [GridRowView]
}

/// A meeting on a delegation's agenda.
struct DelegationMeetingView: Sendable {
    var date: String
    var time: String
    var counterpart: String
    var innovation: String
    var need: String
    var table: String
    /// The delegation asked for the meeting (it has the need), or champions the innovation.
    var role: String
}

/// A delegation's agenda.
struct DelegationAgendaView: Sendable {
    var id: String
    var code: String
    var name: String
    var agency: String?
    /// `Name (role); Name`, if the delegation lists its people.
    var people: String?
    var meetings: [DelegationMeetingView]
    var sessions: [String]
}

/// A request left out of the schedule.
struct LeftOutView: Sendable {
    var request: String
    var meeting: String
    var reason: String
    var explanation: String
}

/// A delegation in the workshop page's table.
struct DelegationRowView: Sendable {
    var code: String
    var name: String
    var people: String
    var meetings: String
    var href: String
    var exports: [LinkView]
}

/// A meeting request in the workshop page's table.
struct RequestRowView: Sendable {
    var id: String
    var need: String
    var innovation: String
    var requester: String
    var champion: String
    var priority: String
    /// "2017-05-14 09:00, Table 1", "left out" or "not scheduled yet".
    var place: String
    var pinned: Bool
    var canPin: Bool
}

/// `GET /workshops/{id}`.
struct WorkshopPageView: Sendable {
    var layout: LayoutView
    var isWorkshops = true
    var slug: String
    var name: String
    var venue: String
    var timeZone: String
    var dates: String
    var canEdit: Bool
    /// Why the last edit was refused, if it was.
    var problem: String?
    var isScheduled: Bool
    var scheduledCount: String
    var upperBound: String
    var requestCount: String
    var scheduledAt: String?
    var days: [GridDayView]
    var leftOut: [LeftOutView]
    var delegations: [DelegationRowView]
    var requests: [RequestRowView]
    var exports: [LinkView]
    var printHref: String
    var printAllHref: String
    var reports: [OptionView]
    var requestFields: [WorkshopFieldView]
    var requestErrors: [String]
    var importErrors: [String]
    var importResult: [String]
    var moveRequests: [OptionView]
    var moveSlots: [OptionView]
    var moveTables: [OptionView]
    var swapFirst: [OptionView]
    var swapSecond: [OptionView]
}

/// The printable agenda: the organiser's grid, or one page per delegation.
struct AgendaPrintView: Sendable {
    /// The page's language code, for `<html lang>`.
    var language: String
    var title: String
    var name: String
    var venue: String
    var dates: String
    var timeZone: String
    var showGrid: Bool
    var days: [GridDayView]
    var delegations: [DelegationAgendaView]
    /// For a file (export): the style sheet's text, put in a `<style>` element.
    var inlineStyle: String?
    /// For the page served by the site: the way back to the workshop.
    var backHref: String?
}
