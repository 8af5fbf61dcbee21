import WaymarkDomain

/// The plan area's addresses.
public enum PlanURL: Hashable, Sendable {
    case home
    case overview(slug: String)
    case actions(slug: String, ActionSearchQuery = .init())
    case action(slug: String, ref: String)
    case outcome(slug: String, ref: String)
    case report(slug: String, BoardReportQuery = .init())
    case reportPDF(slug: String, BoardReportQuery = .init())
    case scrutiny(slug: String)
    case myActions
    case boards
    case board(id: String)
    case recommendations
    case documents

    var parts: [PathPart] {
        switch self {
        case .home: [.fixed("plan")]
        case .overview(let slug): Self.plan(slug)
        case .actions(let slug, _): Self.plan(slug) + [.fixed("actions")]
        case .action(let slug, let ref): Self.plan(slug) + [.fixed("actions"), .parameter("actionRef", ref)]
        case .outcome(let slug, let ref): Self.plan(slug) + [.fixed("outcomes"), .parameter("outcomeRef", ref)]
        case .report(let slug, _): Self.plan(slug) + [.fixed("report")]
        case .reportPDF(let slug, _): Self.plan(slug) + [.fixed("report.pdf")]
        case .scrutiny(let slug): Self.plan(slug) + [.fixed("scrutiny")]
        case .myActions: [.fixed("my-actions")]
        case .boards: [.fixed("boards")]
        case .board(let id): [.fixed("boards"), .parameter("boardID", id)]
        case .recommendations: [.fixed("recommendations")]
        case .documents: [.fixed("documents")]
        }
    }

    var query: [QueryItem] {
        switch self {
        case .actions(_, let query): query.items
        case .report(_, let query), .reportPDF(_, let query): query.items
        default: []
        }
    }

    static func plan(_ slug: String) -> [PathPart] { [.fixed("plans"), .parameter("planSlug", slug)] }
}

/// The action search's filters, as typed: the page checks them and says what it could not read.
public struct ActionSearchQuery: URLQuery {
    public var text = ""
    public var organisation = ""
    public var board = ""
    public var status = ""
    public var rag = ""
    public var dueBy = ""
    public var principle = ""

    public init() {}

    public init(reading value: (String) -> String?) {
        text = value("q") ?? ""
        organisation = value("organisation") ?? ""
        board = value("board") ?? ""
        status = value("status") ?? ""
        rag = value("rag") ?? ""
        dueBy = DateField.read("due", from: value)
        principle = value("principle") ?? ""
    }

    public var items: [QueryItem] {
        var items: [QueryItem] = []
        items.append("q", text)
        items.append("organisation", organisation)
        items.append("board", board)
        items.append("status", status)
        items.append("rag", rag)
        items.append("due", dueBy)
        items.append("principle", principle)
        return items
    }
}

/// A board report's scope and period, as typed: `outcome` (a ref), `board` (an id), `from` and `to`.
public struct BoardReportQuery: URLQuery {
    public var outcome = ""
    public var board = ""
    public var from = ""
    public var to = ""

    public init(outcome: String = "", board: String = "", from: String = "", to: String = "") {
        (self.outcome, self.board, self.from, self.to) = (outcome, board, from, to)
    }

    public init(reading value: (String) -> String?) {
        self.init(
            outcome: value("outcome") ?? "", board: value("board") ?? "", from: DateField.read("from", from: value),
            to: DateField.read("to", from: value))
    }

    public var items: [QueryItem] {
        var items: [QueryItem] = []
        items.append("outcome", outcome)
        items.append("board", board)
        items.append("from", from)
        items.append("to", to)
        return items
    }
}
