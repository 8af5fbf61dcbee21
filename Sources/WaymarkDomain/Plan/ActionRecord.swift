/// One action as the pages, reports and reminders see it: where it sits in its plan, who answers for it,
/// how it is monitored and how it is going.
public struct ActionRecord: Sendable, Equatable {
    /// An organisation or board named on the action, with its stored id.
    public struct Party: Sendable, Equatable, Hashable {
        public var id: String
        public var name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var id: String
    public var planSlug: String
    public var planTitle: String
    public var outcomeRef: String
    public var outcomeName: String
    public var principles: [ChildRightsPrinciple]
    public var objectiveRef: String
    public var objectiveTitle: String
    public var ref: String
    public var title: String
    public var lead: String?
    public var starts: ISODay?
    public var due: ISODay?
    public var status: ActionStatus
    public var progress: Int
    public var rag: RAG?
    public var ragReason: String?
    public var responsible: [Party]
    public var monitoring: [Party]
    /// The day of the latest update, if any.
    public var lastUpdate: ISODay?
    public var latestCommentary: String?

    public init(
        id: String, planSlug: String, planTitle: String, outcomeRef: String, outcomeName: String,
        principles: [ChildRightsPrinciple], objectiveRef: String, objectiveTitle: String, ref: String, title: String,
        lead: String? = nil, starts: ISODay? = nil, due: ISODay? = nil, status: ActionStatus = .notStarted, progress: Int = 0,
        rag: RAG? = nil, ragReason: String? = nil, responsible: [Party], monitoring: [Party], lastUpdate: ISODay? = nil,
        latestCommentary: String? = nil
    ) {
        self.id = id
        self.planSlug = planSlug
        self.planTitle = planTitle
        self.outcomeRef = outcomeRef
        self.outcomeName = outcomeName
        self.principles = principles
        self.objectiveRef = objectiveRef
        self.objectiveTitle = objectiveTitle
        self.ref = ref
        self.title = title
        self.lead = lead
        self.starts = starts
        self.due = due
        self.status = status
        self.progress = progress
        self.rag = rag
        self.ragReason = ragReason
        self.responsible = responsible
        self.monitoring = monitoring
        self.lastUpdate = lastUpdate
        self.latestCommentary = latestCommentary
    }

    /// Past its due date and still open.
    public func isOverdue(on today: ISODay) -> Bool {
        guard let due, status.isOpen else { return false }
        return due < today
    }

    /// Open and due within `days` days from today (not yet overdue).
    public func isDueSoon(on today: ISODay, within days: Int = ActionRecord.dueSoonDays) -> Bool {
        guard let due, status.isOpen, !isOverdue(on: today) else { return false }
        return today.days(until: due) <= days
    }

    /// Open, and with no update for `days` days or more (or never updated).
    public func needsUpdate(on today: ISODay, staleAfter days: Int = ActionRecord.staleAfterDays) -> Bool {
        guard status.isOpen else { return false }
        guard let lastUpdate else { return true }
        return lastUpdate.days(until: today) >= days
    }

    /// Actions report monthly to their boards, so an action with no update for 30 days is chased.
    public static let staleAfterDays = 30
    /// Four weeks: one board cycle ahead.
    public static let dueSoonDays = 28

    /// Whether the action is in trouble: red, or reported at risk or off track.
    public var isOfConcern: Bool { rag == .red || rag == .amber || status == .atRisk || status == .offTrack }
}

/// Who may record an update on an action (the plan's "who is responsible" column made into a rule).
public enum ActionUpdateRule {
    /// System administrators may update any action; anyone else holding `updatePlanActions` only the actions
    /// their own organisation is responsible for, or that name them as the lead.
    public static func mayUpdate(_ action: ActionRecord, role: Role, organisationID: String?, displayName: String) -> Bool {
        guard role.permissions.contains(.updatePlanActions) else { return false }
        if role == .systemAdmin { return true }
        if let organisationID, action.responsible.contains(where: { $0.id == organisationID }) { return true }
        if let lead = action.lead, !lead.isEmpty, lead == displayName { return true }
        return false
    }
}

/// How a set of actions is going: the RAG spread and average progress shown beside each outcome and board.
public struct RAGSpread: Sendable, Equatable {
    public var red = 0
    public var amber = 0
    public var green = 0
    public var notRated = 0
    public var complete = 0
    public var total = 0
    /// Mean per cent complete over actions that are not cancelled; nil when there are none.
    public var averageProgress: Int?

    public init(_ actions: [ActionRecord]) {
        var progressTotal = 0, counted = 0
        for action in actions {
            total += 1
            switch action.rag {
            case .red: red += 1
            case .amber: amber += 1
            case .green: green += 1
            case nil: notRated += 1
            }
            if action.status == .complete { complete += 1 }
            if action.status != .cancelled {
                progressTotal += action.progress
                counted += 1
            }
        }
        // Rounded half up, in whole per cent.
        averageProgress = counted == 0 ? nil : (progressTotal * 2 + counted) / (counted * 2)
    }

    /// The overall RAG a board paper leads with: red if any action is red, amber if any is amber,
    /// green if every rated action is green, none if nothing is rated.
    public var overall: RAG? {
        if red > 0 { return .red }
        if amber > 0 { return .amber }
        if green > 0 { return .green }
        return nil
    }
}
