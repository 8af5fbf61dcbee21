/// The filters over a plan's actions: by organisation, board, status, RAG, due date, child-rights principle
/// and words. Empty fields filter nothing.
public struct ActionFilter: Sendable, Equatable {
    public enum RAGChoice: Sendable, Equatable {
        case rated(RAG)
        case notRated
    }

    public var organisationID: String?
    public var boardID: String?
    public var status: ActionStatus?
    public var rag: RAGChoice?
    /// Due on or before this day.
    public var dueBy: ISODay?
    public var principle: ChildRightsPrinciple?
    /// Words that must all appear (any case) in the action, its objective, outcome, organisations, boards,
    /// lead or latest commentary.
    public var text: String

    public init(
        organisationID: String? = nil, boardID: String? = nil, status: ActionStatus? = nil, rag: RAGChoice? = nil,
        dueBy: ISODay? = nil, principle: ChildRightsPrinciple? = nil, text: String = ""
    ) {
        self.organisationID = organisationID
        self.boardID = boardID
        self.status = status
        self.rag = rag
        self.dueBy = dueBy
        self.principle = principle
        self.text = text
    }

    public var isEmpty: Bool { withoutText == ActionFilter() && words.isEmpty }

    private var withoutText: ActionFilter {
        var copy = self
        copy.text = ""
        return copy
    }

    var words: [Substring] { text.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }) }

    public func matches(_ action: ActionRecord) -> Bool {
        if let organisationID, !action.responsible.contains(where: { $0.id == organisationID }) { return false }
        if let boardID, !action.monitoring.contains(where: { $0.id == boardID }) { return false }
        if let status, action.status != status { return false }
        switch rag {
        case .rated(let rag)?: if action.rag != rag { return false }
        case .notRated?: if action.rag != nil { return false }
        case nil: break
        }
        if let dueBy {
            guard let due = action.due, due <= dueBy else { return false }
        }
        if let principle, !action.principles.contains(principle) { return false }
        let words = self.words
        if !words.isEmpty {
            let haystack =
                ([action.ref, action.title, action.objectiveTitle, action.outcomeName, action.lead ?? "", action.latestCommentary ?? ""]
                + action.responsible.map(\.name) + action.monitoring.map(\.name)).joined(separator: "\n").lowercased()
            if !words.allSatisfy({ haystack.contains($0) }) { return false }
        }
        return true
    }
}
