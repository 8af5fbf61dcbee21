import WaymarkDomain

extension DemoPlan {
    /// An update as its responsible organisation would write it.
    public struct Update: Sendable, Equatable {
        public var day: ISODay
        public var status: ActionStatus
        public var progress: Int
        public var rag: RAG
        public var ragReason: String?
        public var commentary: String
    }

    /// A year of monthly updates on each action begun, by action ref, oldest first. Most actions are on track; about
    /// a fifth are at risk and one in twelve off track, each with its reason; most actions due months ago are
    /// complete, the rest overdue; about one open action in eight has had no update for over a month (the reminders'
    /// work). The same plan and day give the same updates.
    public static func updates(of file: PlanFile, madeOn: ISODay) -> [String: [Update]] {
        var random = SeededRandom(seed: 2026)
        let lastDay = madeOn.adding(days: -1)
        var result: [String: [Update]] = [:]
        let actions = file.plans.flatMap(\.outcomes).flatMap(\.objectives).flatMap { $0.actions ?? [] }
        for action in actions {
            guard let ref = action.ref, let starts = action.starts.flatMap({ ISODay($0) }), let due = action.due.flatMap({ ISODay($0) }),
                starts <= lastDay
            else { continue }
            // Where the action ends up, as at the last day.
            let finished = due < lastDay.adding(days: -45) && random.chance(0.8)
            let final: (ActionStatus, RAG) =
                finished
                ? (.complete, .green)
                : due < lastDay
                    ? (random.chance(0.5) ? .offTrack : .atRisk, random.chance(0.5) ? .red : .amber)
                    : random.pick([(.onTrack, .green), (.onTrack, .green), (.onTrack, .green), (.atRisk, .amber), (.offTrack, .red)])
            let reason = final.1 == .green ? nil : random.pick(reasons)
            let completedOn = finished ? min(due.adding(days: random.int(-40...20)), lastDay) : nil
            let silentSince = !finished && random.chance(0.12) ? lastDay.adding(days: -random.int(35...80)) : nil
            var updates: [Update] = []
            for monthsAgo in stride(from: 11, through: 0, by: -1) {
                let day = lastDay.adding(months: -monthsAgo).adding(days: -random.int(0...12))
                guard day >= starts, day <= lastDay, completedOn.map({ day <= $0 }) ?? true, silentSince.map({ day < $0 }) ?? true else {
                    continue
                }
                // Progress climbs towards the due day; trouble shows in the last months before the last day.
                let span = max(1, starts.days(until: due)), done = starts.days(until: day)
                let progress = min(95, max(5, done * 100 / span)) - (final.1 == .green ? 0 : 10)
                let late = monthsAgo <= 2 || day >= due
                let (status, rag) = late ? final : (.onTrack, RAG.green)
                updates.append(
                    Update(
                        day: day, status: status == .complete ? .onTrack : status, progress: max(5, progress), rag: rag,
                        ragReason: rag == .green ? nil : reason, commentary: commentary(status, progress: max(5, progress), reason: reason)))
            }
            if let completedOn, completedOn >= starts {
                updates.append(
                    Update(
                        day: completedOn, status: .complete, progress: 100, rag: .green, ragReason: nil,
                        commentary: "Complete. The evidence went to the monitoring board, which agreed to close the action."))
            }
            result[ref] = updates
        }
        return result
    }

    static let reasons = [
        "Two posts are still being recruited to.", "The provider's start date has moved back.", "Demand is higher than planned for.",
        "Funding for next year is not yet agreed.", "Partners' figures for the last quarter are incomplete.",
        "The venue is not available until the spring.",
    ]

    static func commentary(_ status: ActionStatus, progress: Int, reason: String?) -> String {
        switch status {
        case .atRisk: "At risk, about \(progress)% done. \(reason ?? "") A recovery plan is with the lead officer."
        case .offTrack: "Off track, about \(progress)% done. \(reason ?? "") The board will review the timetable at its next meeting."
        default: "On track, about \(progress)% done. The next steps were agreed with partners this month."
        }
    }
}
