import WaymarkDomain

/// One clock in a child's journey: from a day something happened, a thing falls due by a day, and was done (or not)
/// on another. Every figure in the trackers and Performance Matters is built from these, and each says why it is
/// what it is.
public struct Timescale: Sendable, Equatable {
    public var rule: TimescaleRule
    public var childLocalID: String
    /// The record the clock belongs to (its natural key: the referral and assessment start, the plan's start…).
    public var record: String
    /// The day the clock started.
    public var from: ISODay
    public var due: ISODay
    /// The day it was done, if it was.
    public var met: ISODay?
    /// The record it belongs to has ended, so nothing can meet it any more (a plan closed before the visit).
    public var closed: Bool
    /// The rule and the dates, kept as the dates and written in words when read (`evidence`).
    var because: Evidence

    /// The rule and the dates, in words: "Referral 2025-06-02; assessment authorised 2025-08-20".
    public var evidence: String {
        get { because.inWords }
        set { because = .written(newValue) }
    }

    public init(
        rule: TimescaleRule, childLocalID: String, record: String, from: ISODay, due: ISODay, met: ISODay?, closed: Bool = false,
        evidence: String
    ) {
        self.init(rule: rule, childLocalID: childLocalID, record: record, from: from, due: due, met: met, closed: closed, because: .written(evidence))
    }

    init(
        rule: TimescaleRule, childLocalID: String, record: String, from: ISODay, due: ISODay, met: ISODay?, closed: Bool = false,
        because: Evidence
    ) {
        self.rule = rule
        self.childLocalID = childLocalID
        self.record = record
        self.from = from
        self.due = due
        self.met = met
        self.closed = closed
        self.because = because
    }

    /// What a clock's evidence says, kept as its dates: a child has hundreds of clocks, most only ever counted, so
    /// the words are written only for those shown. Two are the same when their words are.
    enum Evidence: Sendable, Equatable {
        /// As read back from where it was kept.
        case written(String)
        case mashDecision(contact: ISODay, decision: ISODay?)
        case assessment(referral: ISODay, started: ISODay?, authorised: ISODay?)
        case initialConference(discussion: ISODay?, enquiry: ISODay, conference: ISODay?)
        case returnInterview(missing: ISODay?, back: ISODay, interview: ISODay?)
        case initialHealthAssessment(lookedAfter: ISODay, done: ISODay?)
        /// A clock that restarts each time it is met (`TimescaleEngine.series`): what opened the series, what is done,
        /// the day it was last done (nil for the series' first clock) and the day it was done next.
        case repeating(opened: String, what: String, last: ISODay?, met: ISODay?)

        /// Dates as a social worker writes them ("4 August 2025").
        var inWords: String {
            func day(_ day: ISODay?) -> String { day?.written ?? "–" }
            switch self {
            case .written(let words):
                return words
            case let .mashDecision(contact, decision):
                return "Contact \(contact.written); decision \(decision?.written ?? "not yet made")"
            case let .assessment(referral, started, authorised):
                return "Referral \(referral.written); assessment started \(day(started)), "
                    + (authorised.map { "authorised \($0.written)" } ?? "not yet authorised")
            case let .initialConference(discussion, enquiry, conference):
                return (discussion.map { "Strategy discussion \($0.written); " } ?? "No strategy discussion on record: from the enquiry; ")
                    + "section 47 enquiry \(enquiry.written); " + (conference.map { "conference \($0.written)" } ?? "no conference yet")
            case let .returnInterview(missing, back, interview):
                return "Missing from \(day(missing)) to \(back.written); "
                    + (interview.map { "return interview \($0.written)" } ?? "no return interview on record")
            case let .initialHealthAssessment(lookedAfter, done):
                return "Looked after from \(lookedAfter.written); "
                    + (done.map { "health assessment \($0.written)" } ?? "no health assessment on record")
            case let .repeating(opened, what, last, met):
                return "\(opened); " + (last.map { "last \(what) \($0.written); " } ?? "")
                    + (met.map { "\(what) \($0.written)" } ?? "no \(what) since")
            }
        }

        static func == (lhs: Evidence, rhs: Evidence) -> Bool { lhs.inWords == rhs.inWords }
    }

    /// Not yet done, and its record has not ended: what the trackers list, and what is kept for them.
    public var isOpen: Bool { met == nil && !closed }

    public enum State: Sendable, Equatable {
        case metOnTime
        /// Done after it was due, by this many days (working days for rules counted in them).
        case metLate(by: Int)
        /// Not done, and past its day by this many days.
        case overdue(by: Int)
        /// Not done, and its record has ended: it never will be.
        case missed
        /// Not done yet, due today or in this many days.
        case due(in: Int)
    }

    /// Where the clock stands on a day, counted in the rule's own unit.
    public func state(on today: ISODay, calendar: WorkingDays) -> State {
        func distance(_ start: ISODay, _ end: ISODay) -> Int {
            rule.unit == .workingDays ? calendar.count(after: start, through: end) : start.days(until: end)
        }
        if let met { return met <= due ? .metOnTime : .metLate(by: distance(due, met)) }
        if closed { return .missed }
        return today > due ? .overdue(by: distance(due, today)) : .due(in: distance(today, due))
    }
}

extension Timescale.State {
    /// The state as the tracker says it: "2 working days overdue", "Due today", "Done 3 days late".
    public func inWords(unit: TimescaleRule.Unit) -> String {
        func amount(_ count: Int) -> String { "\(count) \(unit == .workingDays ? "working day" : "day")\(count == 1 ? "" : "s")" }
        switch self {
        case .metOnTime: return "Done on time"
        case .metLate(let days): return "Done \(amount(days)) late"
        case .overdue(let days): return "\(amount(days)) overdue"
        case .missed: return "Not done"
        case .due(let days): return days == 0 ? "Due today" : "Due in \(amount(days))"
        }
    }
}
