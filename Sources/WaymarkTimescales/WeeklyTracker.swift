import WaymarkDomain

/// A service area's week, for its head of service: team by team and timescale by timescale, what is overdue as at
/// the day, what falls due from then to the week's end (Sunday), and what was done in the week before (Monday to
/// Sunday), on time or late; then the outstanding actions of the child protection, children in care and care leaver processes,
/// every overdue clock oldest first.
public struct WeeklyTracker: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var overdue = 0
        public var dueThisWeek = 0
        public var doneOnTime = 0
        public var doneLate = 0

        public init() {}

        /// The share of last week's completions that were on time, as a percentage; nil when none were done.
        public var onTimePercentage: Double? {
            doneOnTime + doneLate == 0 ? nil : Double(doneOnTime) * 100 / Double(doneOnTime + doneLate)
        }

        mutating func add(_ clock: Timescale, on day: ISODay, weekEnds: ISODay, lastWeek: ClosedRange<ISODay>) {
            if let met = clock.met {
                if lastWeek.contains(met) { if met <= clock.due { doneOnTime += 1 } else { doneLate += 1 } }
            } else if !clock.closed {
                if clock.due < day { overdue += 1 } else if clock.due <= weekEnds { dueThisWeek += 1 }
            }
        }
    }

    /// The Monday of the day's week, the Sunday that ends it, and the week before.
    public let weekStarts: ISODay, weekEnds: ISODay
    public let lastWeek: ClosedRange<ISODay>
    public private(set) var byTeam: [String: Counts] = [:]
    public private(set) var byRule: [TimescaleRule: Counts] = [:]
    public private(set) var total = Counts()
    /// Every overdue clock of a process, longest overdue first, with the team that holds the child.
    public private(set) var outstanding: [TimescaleRule.Process: [OutstandingAction]] = [:]

    public struct OutstandingAction: Sendable, Equatable {
        public var team: String
        public var clock: Timescale
    }

    /// - Parameters: every clock of each team's children, by team; the day the tracker is as at.
    public init(clocksByTeam: [String: [Timescale]], on day: ISODay) {
        weekStarts = day.adding(days: 1 - day.weekday)
        weekEnds = weekStarts.adding(days: 6)
        lastWeek = weekStarts.adding(days: -7)...weekStarts.adding(days: -1)
        for (team, clocks) in clocksByTeam {
            var counts = Counts()
            for clock in clocks {
                counts.add(clock, on: day, weekEnds: weekEnds, lastWeek: lastWeek)
                byRule[clock.rule, default: Counts()].add(clock, on: day, weekEnds: weekEnds, lastWeek: lastWeek)
                total.add(clock, on: day, weekEnds: weekEnds, lastWeek: lastWeek)
                if clock.isOpen, clock.due < day, clock.rule.process != .frontDoor {
                    outstanding[clock.rule.process, default: []].append(OutstandingAction(team: team, clock: clock))
                }
            }
            byTeam[team] = counts
        }
        for process in outstanding.keys {
            outstanding[process]?.sort {
                ($0.clock.due, $0.clock.childLocalID, $0.clock.rule.rawValue) < ($1.clock.due, $1.clock.childLocalID, $1.clock.rule.rawValue)
            }
        }
    }
}

extension TimescaleRule {
    /// The part of the child's journey a timescale belongs to, for the outstanding-actions lists.
    public enum Process: String, CaseIterable, Sendable, Hashable {
        case frontDoor = "front-door"
        case childrenInNeed = "children-in-need"
        case childProtection = "child-protection"
        case childrenInCare = "children-in-care"
        case careLeavers = "care-leavers"

        public var title: String {
            switch self {
            case .frontDoor: "Front door and assessment"
            case .childrenInNeed: "Children in need"
            case .childProtection: "Child protection"
            case .childrenInCare: "Children in care"
            case .careLeavers: "Care leavers"
            }
        }
    }

    public var process: Process {
        switch self {
        case .mashDecision, .assessment: .frontDoor
        case .childInNeedVisit, .childInNeedReview: .childrenInNeed
        case .initialConference, .protectionReview, .protectionVisit: .childProtection
        // Most missing episodes on record are from care (the SSDA903's Missing table), so return interviews are listed here.
        case .lookedAfterReview, .lookedAfterVisit, .initialHealthAssessment, .reviewHealthAssessment, .personalEducationPlan, .returnInterview:
            .childrenInCare
        case .pathwayPlanReview, .careLeaverContact: .careLeavers
        }
    }
}
