import FluentKit
import Foundation
import WaymarkDomain
import WaymarkPlanFile

/// What an import changed, for the command line and the audit trail.
package struct PlanImportSummary: Equatable, CustomStringConvertible {
    package var plans = 0
    package var actionsAdded = 0
    package var actionsChanged = 0
    package var actionsUnchanged = 0
    var actionsRemoved = 0
    var organisationsAdded = 0
    var boardsAdded = 0

    package var description: String {
        "\(plans) plan\(plans == 1 ? "" : "s"): \(actionsAdded) actions added, \(actionsChanged) changed, "
            + "\(actionsUnchanged) unchanged, \(actionsRemoved) removed; \(organisationsAdded) organisations and \(boardsAdded) boards added"
    }
}

/// Stores a checked plan file. Call it inside a transaction (as `PlanLoading` does, with the audit line), so that
/// all of it is stored or none of it. Records are matched by their
/// names and refs, so importing the same file twice changes nothing the second time, and importing a revised
/// file updates the plan in place, keeping every action's history. An action left out of a revised file is
/// removed, unless it has updates: then the import is refused, so no history is lost.
enum PlanImporter {
    package static func run(_ file: PlanFile, inTransaction db: any Database) async throws -> PlanImportSummary {
        var importer = Importer(file: file, db: db)
        return try await importer.run()
    }

    private struct Importer {
        let file: PlanFile
        let db: any Database
        var summary = PlanImportSummary()
        var organisationIDs: [String: UUID] = [:]
        var boardIDs: [String: UUID] = [:]
        var actionIDs: [String: UUID] = [:]
        var outcomeIDs: [String: UUID] = [:]

        init(file: PlanFile, db: any Database) {
            self.file = file
            self.db = db
        }

        mutating func run() async throws -> PlanImportSummary {
            try await storeOrganisations()
            try await storeBoards()
            for (index, plan) in file.plans.enumerated() {
                try await store(plan, at: index)
            }
            try await storeRecommendations()
            try await storeVisitsAndDocuments()
            try await storeIndicators()
            return summary
        }

        mutating func storeOrganisations() async throws {
            let existing = try await Organisation.query(on: db).all()
            for organisation in file.organisations {
                let id: UUID
                if let found = existing.first(where: { $0.name == organisation.name }) {
                    id = try found.requireID()
                } else {
                    let created = Organisation(name: organisation.name, kind: Organisation.Kind(rawValue: organisation.kind) ?? .other)
                    try await created.create(on: db)
                    id = try created.requireID()
                    summary.organisationsAdded += 1
                }
                for name in [organisation.name] + (organisation.aliases ?? []) { organisationIDs[name] = id }
            }
        }

        mutating func storeBoards() async throws {
            let existing = try await Board.query(on: db).all()
            for board in file.boards {
                let stored = existing.first { $0.name == board.name } ?? Board(name: board.name, kind: board.kind)
                stored.kind = board.kind
                if stored.id == nil { summary.boardsAdded += 1 }
                try await stored.save(on: db)
                for name in [board.name] + (board.aliases ?? []) { boardIDs[name] = try stored.requireID() }
            }
        }

        mutating func store(_ source: PlanFile.Plan, at planIndex: Int) async throws {
            let plan = try await Plan.query(on: db).filter(\.$slug == source.slug).first() ?? Plan()
            plan.slug = source.slug
            plan.kind = source.kind
            plan.title = source.title
            plan.status = source.status
            plan.version = source.version
            plan.starts = source.starts
            plan.ends = source.ends
            plan.vision = source.vision
            plan.measures = source.measures ?? []
            try await plan.save(on: db)
            let planID = try plan.requireID()
            summary.plans += 1

            let outcomes = try await Outcome.query(on: db).filter(\.$planID == planID).all()
            let objectives = try await Objective.query(on: db).filter(\.$planID == planID).all()
            let actions = try await PlanAction.query(on: db).filter(\.$planID == planID).all()
            let actionIDs = actions.compactMap(\.id)
            let responsibilities = actionIDs.isEmpty ? [] : try await ActionResponsibility.query(on: db).filter(\.$actionID ~~ actionIDs).all()
            let monitoring = actionIDs.isEmpty ? [] : try await ActionMonitoring.query(on: db).filter(\.$actionID ~~ actionIDs).all()
            let outcomeIDs = outcomes.compactMap(\.id)
            let figures = outcomeIDs.isEmpty ? [] : try await KeyFigure.query(on: db).filter(\.$outcomeID ~~ outcomeIDs).all()
            let statements = outcomeIDs.isEmpty ? [] : try await YoungPeopleStatement.query(on: db).filter(\.$outcomeID ~~ outcomeIDs).all()

            var keptOutcomes: Set<UUID> = [], keptObjectives: Set<UUID> = [], keptActions: Set<UUID> = []
            for (outcomeIndex, sourceOutcome) in source.outcomes.enumerated() {
                let ref = sourceOutcome.resolvedRef(position: outcomeIndex)
                let outcome = outcomes.first { $0.ref == ref } ?? Outcome()
                outcome.planID = planID
                outcome.ref = ref
                outcome.position = outcomeIndex
                outcome.name = sourceOutcome.name
                outcome.ambition = sourceOutcome.ambition
                outcome.principles = (sourceOutcome.principles ?? []).map(\.rawValue)
                outcome.childFriendlyCommunities = sourceOutcome.childFriendlyCommunities ?? false
                try await outcome.save(on: db)
                let outcomeID = try outcome.requireID()
                keptOutcomes.insert(outcomeID)
                self.outcomeIDs["\(source.slug)/\(ref)"] = outcomeID
                try await replaceFigures(of: outcomeID, with: sourceOutcome.keyFigures ?? [], existing: figures.filter { $0.outcomeID == outcomeID })
                try await replaceStatements(
                    of: outcomeID, with: sourceOutcome.youngPeopleSaid ?? [], existing: statements.filter { $0.outcomeID == outcomeID })

                for (objectiveIndex, sourceObjective) in sourceOutcome.objectives.enumerated() {
                    let objectiveRef = sourceObjective.resolvedRef(outcome: ref, position: objectiveIndex)
                    let objective = objectives.first { $0.ref == objectiveRef } ?? Objective()
                    objective.planID = planID
                    objective.outcomeID = outcomeID
                    objective.ref = objectiveRef
                    objective.position = objectiveIndex
                    objective.title = sourceObjective.title
                    try await objective.save(on: db)
                    let objectiveID = try objective.requireID()
                    keptObjectives.insert(objectiveID)

                    for (actionIndex, sourceAction) in (sourceObjective.actions ?? []).enumerated() {
                        let actionRef = sourceAction.resolvedRef(objective: objectiveRef, position: actionIndex)
                        let existing = actions.first { $0.ref == actionRef }
                        let action = existing ?? PlanAction()
                        let before = existing.map(ActionFields.init)
                        action.planID = planID
                        action.objectiveID = objectiveID
                        action.ref = actionRef
                        action.position = actionIndex
                        action.title = sourceAction.title
                        action.lead = sourceAction.lead
                        action.starts = sourceAction.starts
                        action.due = sourceAction.due
                        // A file that says nothing of progress keeps what the action's updates have recorded.
                        if existing == nil || sourceAction.status != nil {
                            action.status = sourceAction.status ?? .notStarted
                            action.progress = sourceAction.progress ?? 0
                            action.rag = sourceAction.rag
                            action.ragReason = sourceAction.ragReason
                        }
                        var changed = before != ActionFields(action)
                        if existing == nil || changed { try await action.save(on: db) }
                        let actionID = try action.requireID()
                        keptActions.insert(actionID)
                        self.actionIDs["\(source.slug)/\(actionRef)"] = actionID

                        changed =
                            try await replaceLinks(
                                ActionResponsibility.self, of: actionID, with: sourceAction.responsible,
                                ids: organisationIDs, existing: responsibilities.filter { $0.actionID == actionID }) || changed
                        changed =
                            try await replaceLinks(
                                ActionMonitoring.self, of: actionID, with: sourceAction.monitoring ?? [],
                                ids: boardIDs, existing: monitoring.filter { $0.actionID == actionID }) || changed
                        if existing == nil {
                            summary.actionsAdded += 1
                        } else if changed {
                            summary.actionsChanged += 1
                        } else {
                            summary.actionsUnchanged += 1
                        }
                    }
                }
            }

            let leftOver = actions.filter { !keptActions.contains($0.id!) }
            if !leftOver.isEmpty {
                let withUpdates = try await ActionUpdate.query(on: db).filter(\.$actionID ~~ leftOver.compactMap(\.id)).all()
                let refused = leftOver.filter { action in withUpdates.contains { $0.actionID == action.id } }
                if !refused.isEmpty {
                    throw DataFileProblems(
                        refused.map { action in
                            DataFileProblem(
                                path: "plans[\(planIndex)]",
                                message:
                                    "action \(action.ref) (\"\(action.title)\") is not in the file but has updates; keep it with status: cancelled instead of removing it"
                            )
                        })
                }
                try await PlanAction.query(on: db).filter(\.$id ~~ leftOver.compactMap(\.id)).delete()
                summary.actionsRemoved += leftOver.count
            }
            let oldObjectives = objectives.compactMap(\.id).filter { !keptObjectives.contains($0) }
            if !oldObjectives.isEmpty { try await Objective.query(on: db).filter(\.$id ~~ oldObjectives).delete() }
            let oldOutcomes = outcomeIDs.filter { !keptOutcomes.contains($0) }
            if !oldOutcomes.isEmpty {
                try await KeyFigure.query(on: db).filter(\.$outcomeID ~~ oldOutcomes).delete()
                try await YoungPeopleStatement.query(on: db).filter(\.$outcomeID ~~ oldOutcomes).delete()
                try await Outcome.query(on: db).filter(\.$id ~~ oldOutcomes).delete()
            }
        }

        func replaceFigures(of outcomeID: UUID, with figures: [PlanFile.KeyFigure], existing: [KeyFigure]) async throws {
            let current = existing.sorted { $0.position < $1.position }.map(\.planFileFigure)
            guard current != figures else { return }
            try await KeyFigure.query(on: db).filter(\.$outcomeID == outcomeID).delete()
            for (position, figure) in figures.enumerated() {
                let row = KeyFigure()
                row.outcomeID = outcomeID
                row.position = position
                row.value = figure.value
                row.label = figure.label
                row.source = figure.source
                row.date = figure.date
                row.indicatorCode = figure.indicator
                try await row.create(on: db)
            }
        }

        func replaceStatements(of outcomeID: UUID, with statements: [String], existing: [YoungPeopleStatement]) async throws {
            guard existing.sorted(by: { $0.position < $1.position }).map(\.statement) != statements else { return }
            try await YoungPeopleStatement.query(on: db).filter(\.$outcomeID == outcomeID).delete()
            for (position, statement) in statements.enumerated() {
                let row = YoungPeopleStatement()
                row.outcomeID = outcomeID
                row.position = position
                row.statement = statement
                try await row.create(on: db)
            }
        }

        /// Replaces an action's responsible organisations or monitoring boards when they differ from the file's;
        /// whether anything changed.
        func replaceLinks<Link: ActionPartyLink>(
            _: Link.Type, of actionID: UUID, with names: [String], ids: [String: UUID], existing: [Link]
        ) async throws -> Bool {
            let wanted = names.map { (ids[$0]!, $0) }
            let current = existing.sorted { $0.position < $1.position }.map { ($0.partyID, $0.writtenAs) }
            guard !current.elementsEqual(wanted, by: ==) else { return false }
            try await Link.query(on: db).filter("action_id", .equal, actionID).delete()
            for (position, (partyID, writtenAs)) in wanted.enumerated() {
                let row = Link()
                row.actionID = actionID
                row.partyID = partyID
                row.writtenAs = writtenAs
                row.position = position
                try await row.create(on: db)
            }
            return true
        }

        func storeRecommendations() async throws {
            let existing = try await Recommendation.query(on: db).all()
            for source in file.recommendations ?? [] {
                let recommendation = existing.first { $0.source == source.source && $0.number == source.number } ?? Recommendation()
                recommendation.source = source.source
                recommendation.number = source.number
                recommendation.text = source.text
                recommendation.status = source.status ?? .open
                recommendation.evidence = source.evidence
                try await recommendation.save(on: db)
                let id = try recommendation.requireID()
                let wanted = (source.answeredBy ?? []).compactMap { actionIDs[$0] }
                let current = try await RecommendationAction.query(on: db).filter(\.$recommendationID == id).sort(\.$position).all().map(\.actionID)
                guard current != wanted else { continue }
                try await RecommendationAction.query(on: db).filter(\.$recommendationID == id).delete()
                for (position, actionID) in wanted.enumerated() {
                    let link = RecommendationAction()
                    link.recommendationID = id
                    link.actionID = actionID
                    link.position = position
                    try await link.create(on: db)
                }
            }
        }

        mutating func storeIndicators() async throws {
            var areaIDs: [String: UUID] = [:]
            let areas = try await ReportingArea.query(on: db).all()
            for source in file.areas ?? [] {
                let area = areas.first { $0.name == source.name } ?? ReportingArea()
                area.name = source.name
                area.kind = source.kind
                try await area.save(on: db)
                areaIDs[source.name] = try area.requireID()
            }
            let indicators = try await Indicator.query(on: db).all()
            for source in file.indicators ?? [] {
                let indicator = indicators.first { $0.code == source.code } ?? Indicator()
                indicator.code = source.code
                indicator.name = source.name
                indicator.definition = source.definition
                indicator.unit = source.unit
                indicator.polarity = source.polarity
                indicator.periodType = source.periodType
                indicator.kind = source.kind
                indicator.publisher = source.publisher
                indicator.dataset = source.dataset
                indicator.owner = source.owner
                indicator.numerator = source.numerator
                indicator.denominator = source.denominator
                indicator.familyFriendlyMeasure = source.familyFriendlyMeasure
                try await indicator.save(on: db)
                let indicatorID = try indicator.requireID()

                let values = try await IndicatorValue.query(on: db).filter(\.$indicatorID == indicatorID).all()
                for sourceValue in source.values ?? [] {
                    let areaID = areaIDs[sourceValue.area]!
                    let value = values.first { $0.areaID == areaID && $0.period == sourceValue.period } ?? IndicatorValue()
                    value.indicatorID = indicatorID
                    value.areaID = areaID
                    value.period = sourceValue.period
                    value.periodEnd = ReportingPeriod(sourceValue.period, type: source.periodType)!.ends.description
                    value.value = sourceValue.value
                    value.count = sourceValue.count
                    value.denominator = sourceValue.denominator
                    value.lower = sourceValue.lower
                    value.upper = sourceValue.upper
                    value.status = sourceValue.status ?? .final
                    value.source = sourceValue.source
                    try await value.save(on: db)
                }
                let targets = try await IndicatorTarget.query(on: db).filter(\.$indicatorID == indicatorID).all()
                for sourceTarget in source.targets ?? [] {
                    let target = targets.first { $0.period == sourceTarget.period } ?? IndicatorTarget()
                    target.indicatorID = indicatorID
                    target.period = sourceTarget.period
                    target.value = sourceTarget.value
                    target.origin = sourceTarget.origin
                    try await target.save(on: db)
                }
                try await IndicatorLink.query(on: db).filter(\.$indicatorID == indicatorID).delete()
                for key in source.outcomes ?? [] {
                    let link = IndicatorLink()
                    link.indicatorID = indicatorID
                    link.outcomeID = outcomeIDs[key]
                    try await link.create(on: db)
                }
                for key in source.actions ?? [] {
                    let link = IndicatorLink()
                    link.indicatorID = indicatorID
                    link.actionID = actionIDs[key]
                    try await link.create(on: db)
                }
            }
        }

        func storeVisitsAndDocuments() async throws {
            let visits = try await MonitoringVisit.query(on: db).all()
            for source in file.monitoringVisits ?? [] {
                let visit = visits.first { $0.date == source.date } ?? MonitoringVisit()
                visit.date = source.date
                visit.focus = source.focus
                visit.findings = source.findings
                try await visit.save(on: db)
            }
            let documents = try await StrategyDocument.query(on: db).all()
            for source in file.documents ?? [] {
                let document = documents.first { $0.title == source.title } ?? StrategyDocument()
                document.title = source.title
                document.summary = source.summary
                document.owner = source.owner
                document.period = source.period
                document.reviewDue = source.reviewDue
                document.link = source.link
                document.planSlugs = source.plans ?? []
                try await document.save(on: db)
            }
        }
    }
}

/// The stored fields of an action, to tell whether an import changed it (Fluent counts any assignment as a change).
private struct ActionFields: Equatable {
    var objectiveID: UUID, position: Int, title: String, lead: String?, starts: String?, due: String?
    var status: ActionStatus, progress: Int, rag: RAG?, ragReason: String?

    init(_ action: PlanAction) {
        (objectiveID, position, title, lead, starts, due) = (
            action.objectiveID, action.position, action.title, action.lead, action.starts, action.due
        )
        (status, progress, rag, ragReason) = (action.status, action.progress, action.rag, action.ragReason)
    }
}
