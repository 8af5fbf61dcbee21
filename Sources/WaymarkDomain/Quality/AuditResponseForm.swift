/// The child's worker or team manager answering a submitted audit, as typed: their response, whether they disagree
/// with the grades (which sends the audit to moderation), and the practitioner conversation (when the auditor talked
/// the findings through with them, and what was said). `checked(today:)` says every mistake by field.
public struct AuditResponseForm: Sendable, Equatable {
    public var text = ""
    /// `response` or `disagreement`.
    public var kind = "response"
    /// yyyy-mm-dd, or as typed; empty when there has been no conversation yet.
    public var conversationOn = ""
    public var conversationNotes = ""

    public init() {}

    public struct Checked: Sendable, Equatable {
        public var text: String
        public var disagrees: Bool
        public var conversationOn: ISODay?
        public var conversationNotes: String
    }

    public func checked(today: ISODay) -> Result<Checked, FieldMistakes> {
        var mistakes: [FieldMistake] = []
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let notes = conversationNotes.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            mistakes.append(FieldMistake(field: "response", message: "Enter your response to the audit"))
        } else if text.count > CaseAuditResponse.longestText {
            mistakes.append(FieldMistake(field: "response", message: "Your response must be 4000 characters or fewer"))
        }
        if kind != "response" && kind != "disagreement" {
            mistakes.append(FieldMistake(field: "kind", message: "Say whether you disagree with the grades"))
        }
        let day = ISODay(conversationOn)
        if !conversationOn.isEmpty {
            if day == nil {
                mistakes.append(
                    FieldMistake(field: "conversation", message: "The day of the conversation must be a real date, for example 3 12 2026"))
            } else if let day, day > today {
                mistakes.append(FieldMistake(field: "conversation", message: "The day of the conversation must be today or before"))
            }
        }
        if notes.count > CaseAuditResponse.longestText {
            mistakes.append(FieldMistake(field: "conversation-notes", message: "The notes must be 4000 characters or fewer"))
        } else if !notes.isEmpty && conversationOn.isEmpty {
            mistakes.append(FieldMistake(field: "conversation", message: "Enter the day of the conversation the notes are about"))
        }
        guard mistakes.isEmpty else { return .failure(FieldMistakes(all: mistakes)) }
        return .success(Checked(text: text, disagrees: kind == "disagreement", conversationOn: day, conversationNotes: notes))
    }
}
