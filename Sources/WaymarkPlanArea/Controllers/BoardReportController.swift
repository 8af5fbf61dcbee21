import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Board reports for a whole plan, one outcome or one board, over a chosen period: as a page and as a PDF.
enum BoardReportController {
    @Sendable static func html(req: Request) async throws -> Response {
        let model = try await model(req)
        return .html(
            BoardReportPage.render(model, context: req.pageContext("Board report", area: .plan)),
            status: model.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func pdf(req: Request) async throws -> Response {
        let model = try await model(req)
        guard model.errors.isEmpty else { throw Abort(.unprocessableEntity, reason: model.errors.messages.map(\.message).joined(separator: " ")) }
        let pdf = try await PDFPrinter.print(
            html: BoardReportPage.renderForPrint(model, stylesheet: Stylesheet.css), chromium: req.application.settings.chromium)
        try await req.audit(
            .export, recordType: .plan, recordID: model.planSlug, detail: "board report PDF: \(model.scope), \(model.from) to \(model.to)")
        return .attachment(pdf, named: "\(model.planSlug)-board-report-\(model.to).pdf", type: "application/pdf")
    }

    /// The report's data for the scope and period in the query: `outcome` (a ref), `board` (an id), `from`, `to`.
    /// The period defaults to the three months up to today.
    static func model(_ req: Request) async throws -> BoardReportPage.Model {
        let (catalogue, plan) = try await PlanController.loadPlan(req)
        let query = req.query(BoardReportQuery.self)
        let (outcomeRef, boardID, fromText, toText) = (query.outcome, query.board, query.from, query.to)

        var errors = FormErrors()
        let today = ISODay.today
        let to = toText.isEmpty ? today : ISODay(toText)
        if to == nil { errors.add("to", "Enter the end of the period as a real day, for example 30 11 2026") }
        let from = fromText.isEmpty ? (to ?? today).adding(months: -3) : ISODay(fromText)
        if from == nil { errors.add("from", "Enter the start of the period as a real day, for example 1 9 2026") }
        if let from, let to, to < from { errors.add("to", "The end of the period must be on or after its start") }

        var actions = catalogue.actions
        var scope: [String] = []
        var outcomes = catalogue.outcomes
        if !outcomeRef.isEmpty {
            guard let outcome = catalogue.outcomes.first(where: { $0.ref == outcomeRef }) else { throw Abort(.notFound) }
            actions = actions.filter { $0.outcomeRef == outcomeRef }
            outcomes = [outcome]
            scope.append("\(plan.kind.outcomeWord): \(outcome.name)")
        }
        if !boardID.isEmpty {
            guard let id = UUID(uuidString: boardID), let board = catalogue.boards[id] else { throw Abort(.notFound) }
            actions = actions.filter { $0.monitoring.contains { $0.id == boardID } }
            scope.append("Board: \(board.name)")
            let outcomeRefs = Set(actions.map(\.outcomeRef))
            outcomes = outcomes.filter { outcomeRefs.contains($0.ref) }
        }

        let outcomeIDs = outcomes.compactMap(\.id)
        let figures = try await PlanStore.keyFigures(outcomeIDs: outcomeIDs, on: req.db)
        var changes: [BoardReportPage.Change] = []
        if let from, let to {
            let byID = Dictionary(uniqueKeysWithValues: actions.map { ($0.id, $0) })
            let ids = actions.compactMap { UUID(uuidString: $0.id) }
            let updates = try await PlanStore.updates(of: ids, from: from.start, before: to.nextDay.start, on: req.db)
            changes = updates.compactMap { update in
                byID[update.actionID.uuidString].map { action in
                    .init(
                        day: ISODay(update.writtenAt).description, action: action,
                        author: [update.authorName, update.authorOrganisation].compactMap { $0 }.joined(separator: ", "),
                        status: update.status, rag: update.rag, progress: update.progress, commentary: update.commentary)
                }
            }
        }

        return BoardReportPage.Model(
            planSlug: plan.slug, planTitle: plan.title, scope: scope.isEmpty ? "Whole plan" : scope.joined(separator: ", "),
            from: from?.description ?? fromText, to: to?.description ?? toText,
            generatedOn: today.written,
            outcomes: outcomes.map { outcome in
                .init(
                    name: outcome.name, spread: RAGSpread(actions.filter { $0.outcomeRef == outcome.ref }),
                    figures: figures.filter { $0.outcomeID == outcome.id }.map(\.pageFigure))
            },
            actions: actions, changes: changes,
            outcomeChoices: catalogue.outcomes.map { .init(value: $0.ref, label: $0.name) },
            boardChoices: Set(catalogue.actions.flatMap(\.monitoring)).sorted { $0.name < $1.name }.map { .init(value: $0.id, label: $0.name) },
            selectedOutcome: outcomeRef, selectedBoard: boardID, errors: errors,
            pdf: .init(outcome: outcomeRef, board: boardID, from: from?.description ?? "", to: to?.description ?? ""))
    }
}
