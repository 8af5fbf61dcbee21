/// A finding made a learning action (seed 003: audits lead to "learning actions for staff"): who answers for it, at
/// what level, what will show it is done, and by when; closed by its owner with that evidence, and verified by someone
/// else, so an action is not done because its owner says so.
public enum LearningActionLevel: String, Sendable, CaseIterable {
    case practitioner, team, service, partnership
    case workforce = "workforce-development"

    public var title: String {
        switch self {
        case .practitioner: "The practitioner"
        case .team: "The team"
        case .service: "The service"
        case .partnership: "The partnership"
        case .workforce: "Workforce development"
        }
    }
}

extension LearningActionLevel {
    /// Whether an action at this level may serve an action of the improvement plan (issue: "a service-level action can
    /// link to an improvement-plan action"): the service's, the partnership's and workforce development's, not one
    /// practitioner's or team's.
    public var servesThePlan: Bool { [.service, .partnership, .workforce].contains(self) }
}

/// Where a learning action stands, in words, wherever it is listed.
public enum LearningActionWords {
    public static func state(_ state: LearningActionState, sentBack: Bool) -> String {
        switch state {
        case .open: sentBack ? "Sent back" : "Open"
        case .closed: "Closed: to verify"
        case .verified: "Verified"
        }
    }
}

public enum LearningActionState: String, Sendable, Codable {
    case open
    /// Its owner says it is done, with the evidence: waiting for someone else to verify it.
    case closed
    case verified
}

/// A learning action as typed on the audit's page.
public struct LearningActionForm: Sendable, Equatable {
    public var description = ""
    /// The practice domain it comes from (an instrument domain id), or empty.
    public var domain = ""
    public var level = ""
    /// The owner's account id.
    public var owner = ""
    public var evidence = ""
    /// yyyy-mm-dd, or as typed.
    public var due = ""
    /// The id of the plan action it serves, or empty.
    public var planAction = ""

    public init() {}

    public struct Checked: Sendable, Equatable {
        public var description: String, domain: String?, level: LearningActionLevel, owner: String, evidence: String, due: ISODay
        public var planAction: String?
    }

    /// - Parameters: `owners` the account ids that may own an action; `domains` the instrument's domain ids;
    ///   `planActions` the ids of the plan actions it may serve.
    public func checked(
        today: ISODay, owners: Set<String>, domains: Set<String>, planActions: Set<String> = []
    ) -> Result<Checked, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        func mistake(_ field: String, _ message: String) { mistakes.append(FieldMistake(field: field, message: message)) }
        func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        let (description, evidence) = (trimmed(description), trimmed(evidence))
        if description.isEmpty {
            mistake("action-description", "Say what will be done")
        } else if description.count > 2_000 {
            mistake("action-description", "The action must be 2000 characters or fewer")
        }
        if !domain.isEmpty && !domains.contains(domain) { mistake("action-domain", "Choose a practice domain from the list") }
        let level = LearningActionLevel(rawValue: level)
        if level == nil { mistake("action-level", "Choose who answers for the action") }
        if !owners.contains(owner) { mistake("action-owner", "Choose the person who owns the action") }
        if evidence.isEmpty {
            mistake("action-evidence", "Say what will show the action is done")
        } else if evidence.count > 2_000 {
            mistake("action-evidence", "The evidence must be 2000 characters or fewer")
        }
        let due = ISODay(self.due)
        if self.due.isEmpty {
            mistake("action-due", "Enter the day the action is due")
        } else if due == nil {
            mistake("action-due", "The day the action is due must be a real date, for example 31 1 2027")
        } else if let due, due < today {
            mistake("action-due", "The day the action is due must be today or later")
        }
        if !planAction.isEmpty {
            if !planActions.contains(planAction) {
                mistake("action-plan-action", "Choose the plan action from the list, or none")
            } else if let level, !level.servesThePlan {
                mistake("action-plan-action", "Only an action for the service, the partnership or workforce development serves the plan")
            }
        }
        guard mistakes.isEmpty, let level, let due else { return .failure(FieldMistakes(all: mistakes)) }
        return .success(
            Checked(
                description: description, domain: domain.isEmpty ? nil : domain, level: level, owner: owner, evidence: evidence, due: due,
                planAction: planAction.isEmpty ? nil : planAction))
    }
}
