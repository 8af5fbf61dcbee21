/// The kinds of supervision session.
public enum SupervisionKind: String, Sendable, CaseIterable {
    case oneToOne = "one-to-one"
    case group
    case caseSupervision = "case-supervision"

    public var title: String {
        switch self {
        case .oneToOne: "One-to-one"
        case .group: "Group"
        case .caseSupervision: "Case supervision"
        }
    }
}

/// A supervision session as typed: held (with its reflection, actions and the children discussed) or cancelled with
/// why. The reflective structure is the 4×4×4 model's cycle (Morrison; Wonnacott): what happened, how it felt, what it
/// means, what happens next.
public struct SupervisionSessionForm: Sendable, Equatable {
    public var kind = ""
    /// yyyy-mm-dd, or as typed.
    public var heldOn = ""
    public var cancelled = false
    public var cancelledBecause = ""
    public var attendees = ""
    public var experience = ""
    public var reflection = ""
    public var analysis = ""
    public var nextSteps = ""
    /// The supervisee's wellbeing: private to the supervisee and supervisor, never on a child's record, in a report or
    /// an export.
    public var wellbeing = ""
    public var discussions: [CaseDiscussionForm] = []

    public init() {}

    public static let longestText = 4_000

    public struct Checked: Sendable, Equatable {
        public var kind: SupervisionKind
        public var heldOn: ISODay
        /// Why it did not take place; nil when it did.
        public var cancelledBecause: String?
        public var attendees: String
        public var experience: String, reflection: String, analysis: String, nextSteps: String
        public var wellbeing: String
        public var discussions: [CaseDiscussionForm.Checked]
    }

    /// - Parameters: `starts` the day the supervision agreement started; `children` the ids of the children the
    ///   supervisee holds, the only ones who may be discussed.
    public func checked(today: ISODay, starts: ISODay, children: Set<String>) -> Result<Checked, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        func mistake(_ field: String, _ message: String) { mistakes.append(FieldMistake(field: field, message: message)) }
        func text(_ value: String, _ field: String, _ name: String) -> String {
            let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > Self.longestText { mistake(field, "\(name) must be \(Self.longestText) characters or fewer") }
            return value
        }
        let kind = SupervisionKind(rawValue: kind)
        if kind == nil { mistake("kind", "Choose the kind of session") }
        let heldOn = ISODay(self.heldOn)
        if self.heldOn.isEmpty {
            mistake("held-on", "Enter the day of the session")
        } else if heldOn == nil {
            mistake("held-on", "The day of the session must be a real date, for example 3 12 2026")
        } else if let heldOn, heldOn > today {
            mistake("held-on", "The day of the session must be today or earlier")
        } else if let heldOn, heldOn < starts {
            mistake("held-on", "The day of the session must be on or after the agreement started, \(starts.written)")
        }
        let because = text(cancelledBecause, "cancelled-because", "Why it was cancelled")
        if cancelled && because.isEmpty { mistake("cancelled-because", "Say why the session was cancelled") }
        let attendees = text(attendees, "attendees", "Who attended")
        if kind == .group && !cancelled && attendees.isEmpty { mistake("attendees", "Say who attended the group session") }
        let experience = text(experience, "experience", "What happened")
        let reflection = text(reflection, "reflection", "How it felt")
        let analysis = text(analysis, "analysis", "What it means")
        let nextSteps = text(nextSteps, "next-steps", "What happens next")
        let wellbeing = text(wellbeing, "wellbeing", "Wellbeing")
        if !cancelled && [experience, reflection, analysis, nextSteps].allSatisfy(\.isEmpty) {
            mistake("experience", "Record the session: at least what happened or what happens next")
        }
        var discussions: [CaseDiscussionForm.Checked] = []
        for (index, discussion) in self.discussions.enumerated() where !discussion.isBlank {
            if cancelled {
                mistake("discussion-\(index)-child", "A cancelled session has no case discussions: leave them blank")
                continue
            }
            switch discussion.checked(index: index, heldOn: heldOn ?? today, children: children) {
            case .success(let checked): discussions.append(checked)
            case .failure(let failure): mistakes += failure.all
            }
        }
        if Set(discussions.map(\.child)).count < discussions.count {
            mistake("case-discussions", "Each child is discussed once in a session: put what was said about them together")
        }
        guard mistakes.isEmpty, let kind, let heldOn else { return .failure(FieldMistakes(all: mistakes)) }
        return .success(
            Checked(
                kind: kind, heldOn: heldOn, cancelledBecause: cancelled ? because : nil, attendees: attendees, experience: experience,
                reflection: reflection, analysis: analysis, nextSteps: nextSteps, wellbeing: wellbeing, discussions: discussions))
    }
}

/// A child discussed in supervision: what was discussed, what was decided and, where something is to be done, who by
/// and when. It goes on the child's chronology as management oversight.
public struct CaseDiscussionForm: Sendable, Equatable {
    /// The child's id, or empty for an unused row.
    public var child = ""
    public var discussion = ""
    public var decision = ""
    public var action = ""
    public var actionOwner = ""
    /// yyyy-mm-dd, or as typed.
    public var actionDue = ""

    public init(
        child: String = "", discussion: String = "", decision: String = "", action: String = "", actionOwner: String = "", actionDue: String = ""
    ) {
        self.child = child
        self.discussion = discussion
        self.decision = decision
        self.action = action
        self.actionOwner = actionOwner
        self.actionDue = actionDue
    }

    public struct Checked: Sendable, Equatable {
        public var child: String, discussion: String, decision: String
        public var action: String?, actionOwner: String?, actionDue: ISODay?

        public init(child: String, discussion: String, decision: String, action: String?, actionOwner: String?, actionDue: ISODay?) {
            (self.child, self.discussion, self.decision) = (child, discussion, decision)
            (self.action, self.actionOwner, self.actionDue) = (action, actionOwner, actionDue)
        }
    }

    var isBlank: Bool {
        [child, discussion, decision, action, actionOwner, actionDue].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    func checked(index: Int, heldOn: ISODay, children: Set<String>) -> Result<Checked, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        func field(_ name: String) -> String { "discussion-\(index)-\(name)" }
        func mistake(_ name: String, _ message: String) { mistakes.append(FieldMistake(field: field(name), message: message)) }
        func trimmed(_ value: String, _ name: String, _ label: String) -> String {
            let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > SupervisionSessionForm.longestText {
                mistake(name, "\(label) must be \(SupervisionSessionForm.longestText) characters or fewer")
            }
            return value
        }
        let number = "Case discussion \(index + 1)"
        if child.isEmpty {
            mistake("child", "\(number): choose the child discussed")
        } else if !children.contains(child.lowercased()) {
            mistake("child", "\(number): choose one of the children the supervisee holds")
        }
        let discussion = trimmed(discussion, "discussion", "What was discussed")
        if discussion.isEmpty { mistake("discussion", "\(number): say what was discussed") }
        let decision = trimmed(decision, "decision", "What was decided")
        if decision.isEmpty { mistake("decision", "\(number): say what was decided, even if it is that the plan continues") }
        let action = trimmed(action, "action", "The action")
        let owner = trimmed(actionOwner, "owner", "Who will do it")
        let due = ISODay(actionDue)
        if action.isEmpty {
            if !owner.isEmpty || !actionDue.isEmpty { mistake("action", "\(number): say what is to be done, or leave who and when blank") }
        } else {
            if owner.isEmpty { mistake("owner", "\(number): say who will do it") }
            if actionDue.isEmpty {
                mistake("due", "\(number): enter the day it is due")
            } else if due == nil {
                mistake("due", "\(number): the day it is due must be a real date, for example 18 12 2026")
            } else if let due, due < heldOn {
                mistake("due", "\(number): the day it is due must be on or after the session")
            }
        }
        guard mistakes.isEmpty else { return .failure(FieldMistakes(all: mistakes)) }
        return .success(
            Checked(
                child: child.lowercased(), discussion: discussion, decision: decision, action: action.isEmpty ? nil : action,
                actionOwner: action.isEmpty ? nil : owner, actionDue: action.isEmpty ? nil : due))
    }
}
