import Foundation
import SolexCore
import SolexStore

/// Turns a plan, its schedule and the labels into the grid and the delegations' agendas that the workshop page and
/// the printable agenda show. Meetings are in slot order, then table order; delegations by country code.
struct AgendaPresenter {
    let plan: AgendaPlan
    let schedule: Schedule?
    let labels: AgendaLabels
    /// The language of the page.
    let localizer: Localizer

    /// The workshop's dates: `14 May 2017 to 15 May 2017`, or one day.
    var dates: String {
        let days = plan.workshop.days.map(\.date)
        guard let first = days.first, let last = days.last else { return "" }
        return localizer.dates(first, last)
    }

    /// A delegation's name: `Bhutan`, or the code.
    func name(_ code: String) -> String { labels.countries[code] ?? code }

    /// The organiser's grid, one table per day: rows the slots, columns the tables.
    var days: [GridDayView] {
        var byPlace: [String: Assignment] = [:]
        for assignment in schedule?.assignments ?? [] { byPlace["\(assignment.slot)\u{1F}\(assignment.table)"] = assignment }
        let tables = plan.workshop.tables
        return plan.days.map { day in
            let rows = day.slots.map { index -> GridRowView in
                let slot = plan.slots[index]
                let cells = tables.map { table -> GridCellView in
                    if let assignment = byPlace["\(index)\u{1F}\(table.id)"], let request = plan.request(assignment.request) {
                        return GridCellView(meeting: GridMeetingView(
                            request: request.id, requester: request.requester, requesterName: name(request.requester),
                            champion: request.champion, championName: name(request.champion),
                            innovation: labels.innovationTitle(request.innovation), pinned: request.pin != nil), session: nil)
                    }
                    return GridCellView(meeting: nil, session: plan.session(atTable: table.id, slot: index)?.title)
                }
                return GridRowView(slot: index, time: localizer.times(slot.start, slot.end), start: slot.start, cells: cells)
            }
            let title = localizer.t("agenda.day_title", ["number": localizer.number(day.index + 1), "day": localizer.weekdayAndDay(iso: day.date)])
            return GridDayView(id: "day-\(day.index + 1)", title: title, date: day.date, tables: tables.map(\.name), rows: rows)
        }
    }

    /// The agendas of the delegations `codes` (every delegation when nil), each with its meetings in time order.
    func agendas(_ codes: [String]? = nil) -> [DelegationAgendaView] {
        let tableOrder = Dictionary(plan.workshop.tables.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let assignments = (schedule?.assignments ?? []).sorted { a, b in
            (a.slot, tableOrder[a.table] ?? 0, a.request) < (b.slot, tableOrder[b.table] ?? 0, b.request)
        }
        return (codes ?? plan.delegations.map(\.country)).compactMap { code in
            guard let delegation = plan.delegation(code) else { return nil }
            let meetings = assignments.compactMap { assignment -> DelegationMeetingView? in
                guard let request = plan.request(assignment.request), request.involves(code), plan.slots.indices.contains(assignment.slot) else { return nil }
                let slot = plan.slots[assignment.slot]
                return DelegationMeetingView(
                    date: localizer.weekdayAndDay(iso: slot.date), time: localizer.times(slot.start, slot.end), counterpart: labels.delegation(request.counterpart(of: code)),
                    innovation: labels.innovation(request.innovation), need: labels.need(request.need),
                    table: plan.table(assignment.table)?.name ?? assignment.table,
                    role: request.requester == code ? "asked for" : "champion")
            }
            let sessions = plan.workshop.sessions.filter { $0.delegations.contains(code) }
                .sorted { ($0.day, $0.start, $0.id) < ($1.day, $1.start, $1.id) }
                .map { session in
                    localizer.t("agenda.session_line", ["day": localizer.weekdayAndDay(iso: session.day), "start": localizer.time(local: session.start),
                                                        "end": localizer.time(local: session.end), "title": session.title, "room": session.room])
                }
            return DelegationAgendaView(
                id: "delegation-\(code)", code: code, name: labels.delegation(code), agency: delegation.agency,
                people: delegation.people.isEmpty ? nil
                    : delegation.people.map { person in person.role.map { "\(person.name) (\($0))" } ?? person.name }.joined(separator: "; "),
                meetings: meetings, sessions: sessions)
        }
    }
}

/// What a printable agenda shows.
public enum AgendaPrintSelection: Sendable, Hashable {
    /// The organiser's grid of every day.
    case grid
    /// One page per delegation.
    case allDelegations
    /// The page of one delegation (alpha-3).
    case delegation(String)

    /// From the `delegation` parameter of an export: none for the grid, `all` for every delegation, else a code.
    public init(_ parameter: String?) {
        guard let parameter, !parameter.isEmpty else { self = .grid; return }
        self = parameter.lowercased() == "all" ? .allDelegations : .delegation(parameter.uppercased())
    }
}

/// The printable agenda as a file of its own, for `GET /workshops/{id}/agenda.html` and
/// `solex agenda export --format html`: one template (`agenda_print`), the style sheet put into the page, so the web
/// download and the command line give the same bytes.
public enum AgendaPrintPage {
    /// The HTML of the agenda of a stored workshop in `language`, rendered with the templates, messages and style
    /// sheet of `webDirectory`; `labels` name the countries in that language (see `AgendaLabels.localized`).
    public static func html(_ workshop: StoredWorkshop, labels: AgendaLabels, selection: AgendaPrintSelection, webDirectory: String,
                            language: InterfaceLanguage = .en) async throws -> String {
        let pages = try PageRenderer(webDirectory: webDirectory)
        let style = try String(contentsOfFile: webDirectory + "/static/solex.css", encoding: .utf8)
        return render(pages, plan: workshop.plan, schedule: workshop.schedule, labels: labels, selection: selection, inlineStyle: style,
                      language: language)
    }

    /// The HTML of an agenda in `language` with `inlineStyle` as its style sheet (nil: a link to the site's style
    /// sheet and a way back to the workshop's page).
    static func render(_ pages: PageRenderer, plan: AgendaPlan, schedule: Schedule?, labels: AgendaLabels, selection: AgendaPrintSelection,
                       inlineStyle: String?, language: InterfaceLanguage = .en) -> String {
        let localizer = pages.messages.localizer(language)
        return pages.html("agenda_print", view(plan: plan, schedule: schedule, labels: labels, selection: selection, inlineStyle: inlineStyle,
                                               localizer: localizer), in: language)
    }

    static func view(plan: AgendaPlan, schedule: Schedule?, labels: AgendaLabels, selection: AgendaPrintSelection, inlineStyle: String?,
                     localizer: Localizer) -> AgendaPrintView {
        let presenter = AgendaPresenter(plan: plan, schedule: schedule, labels: labels, localizer: localizer)
        let workshop = plan.workshop
        var view = AgendaPrintView(language: localizer.language.code, title: workshop.name, name: workshop.name, venue: workshop.venue, dates: presenter.dates,
                                   timeZone: workshop.timeZone, showGrid: false, days: [], delegations: [], inlineStyle: inlineStyle,
                                   backHref: inlineStyle == nil ? "/workshops/\(percentEncoded(workshop.id))" : nil)
        switch selection {
        case .grid:
            view.showGrid = true
            view.days = presenter.days
        case .allDelegations:
            view.title = localizer.t("agenda.all_delegations", ["name": workshop.name])
            view.delegations = presenter.agendas()
        case .delegation(let code):
            view.delegations = presenter.agendas([code])
            view.title = workshop.name + " · " + labels.delegation(code)
        }
        return view
    }
}
