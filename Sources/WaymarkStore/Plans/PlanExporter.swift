import FluentKit
import Foundation
import WaymarkDomain
import WaymarkPlanFile

/// Writes everything the plans hold back out as a plan file, which `PlanImporter` reads again unchanged.
/// Every action's ref is written out, so that when the exported file is edited and imported again, adding or
/// removing an action cannot shift the position-based refs of the others (and move their history with them).
/// Outcome and objective refs, and progress, are written only where they differ from the defaults.
package enum PlanExporter {
    package static func run(on db: any Database) async throws -> PlanFile {
        let kindOrder = PlanKind.allCases
        let plans = try await Plan.query(on: db).all()
            .sorted { (kindOrder.firstIndex(of: $0.kind)!, $0.slug) < (kindOrder.firstIndex(of: $1.kind)!, $1.slug) }
        let organisations = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: db).all().map { ($0.id!, $0) })
        let boards = Dictionary(uniqueKeysWithValues: try await Board.query(on: db).all().map { ($0.id!, $0) })
        let outcomes = try await Outcome.query(on: db).sort(\.$position).all()
        let objectives = try await Objective.query(on: db).sort(\.$position).all()
        let actions = try await PlanAction.query(on: db).sort(\.$position).all()
        let responsible = Dictionary(grouping: try await ActionResponsibility.query(on: db).sort(\.$position).all(), by: \.actionID)
        let monitoring = Dictionary(grouping: try await ActionMonitoring.query(on: db).sort(\.$position).all(), by: \.actionID)
        let figures = Dictionary(grouping: try await KeyFigure.query(on: db).sort(\.$position).all(), by: \.outcomeID)
        let statements = Dictionary(grouping: try await YoungPeopleStatement.query(on: db).sort(\.$position).all(), by: \.outcomeID)

        var writtenOrganisations: [UUID: Set<String>] = [:]
        var writtenBoards: [UUID: Set<String>] = [:]
        var actionKeys: [UUID: String] = [:]
        var outcomeKeys: [UUID: String] = [:]

        let filePlans = plans.map { plan in
            PlanFile.Plan(
                slug: plan.slug, title: plan.title, kind: plan.kind, status: plan.status, version: plan.version,
                starts: plan.starts, ends: plan.ends, vision: plan.vision,
                outcomes: outcomes.filter { $0.planID == plan.id }.enumerated().map { outcomeIndex, outcome in
                    outcomeKeys[outcome.id!] = "\(plan.slug)/\(outcome.ref)"
                    return PlanFile.Outcome(
                        ref: outcome.ref == "\(outcomeIndex + 1)" ? nil : outcome.ref,
                        name: outcome.name, ambition: outcome.ambition,
                        principles: outcome.principles.isEmpty ? nil : outcome.principles.compactMap(ChildRightsPrinciple.init(rawValue:)),
                        childFriendlyCommunities: plan.kind == .partnership
                            ? outcome.childFriendlyCommunities : (outcome.childFriendlyCommunities ? true : nil),
                        keyFigures: figures[outcome.id!].map { $0.map(\.planFileFigure) },
                        youngPeopleSaid: statements[outcome.id!].map { $0.map(\.statement) },
                        objectives: objectives.filter { $0.outcomeID == outcome.id }.enumerated().map { objectiveIndex, objective in
                            let objectiveActions = actions.filter { $0.objectiveID == objective.id }
                            return PlanFile.Objective(
                                ref: objective.ref == "\(outcome.ref).\(objectiveIndex + 1)" ? nil : objective.ref,
                                title: objective.title,
                                actions: objectiveActions.isEmpty
                                    ? nil
                                    : objectiveActions.map { action in
                                        actionKeys[action.id!] = "\(plan.slug)/\(action.ref)"
                                        let responsibleRows = responsible[action.id!] ?? []
                                        let monitoringRows = monitoring[action.id!] ?? []
                                        for row in responsibleRows { writtenOrganisations[row.organisationID, default: []].insert(row.writtenAs) }
                                        for row in monitoringRows { writtenBoards[row.boardID, default: []].insert(row.writtenAs) }
                                        let hasProgress = action.status != .notStarted || action.progress != 0 || action.rag != nil
                                        return PlanFile.Action(
                                            ref: action.ref,
                                            title: action.title,
                                            responsible: responsibleRows.map(\.writtenAs),
                                            monitoring: monitoringRows.isEmpty ? nil : monitoringRows.map(\.writtenAs),
                                            lead: action.lead, starts: action.starts, due: action.due,
                                            status: hasProgress ? action.status : nil,
                                            progress: hasProgress ? action.progress : nil,
                                            rag: action.rag, ragReason: action.ragReason
                                        )
                                    }
                            )
                        }
                    )
                },
                measures: plan.measures.isEmpty ? nil : plan.measures
            )
        }

        let links = Dictionary(grouping: try await RecommendationAction.query(on: db).sort(\.$position).all(), by: \.recommendationID)
        let recommendations = try await Recommendation.query(on: db).sort(\.$source).sort(\.$number).all().map { recommendation in
            PlanFile.Recommendation(
                source: recommendation.source, number: recommendation.number, text: recommendation.text,
                status: recommendation.status, evidence: recommendation.evidence,
                answeredBy: (links[recommendation.id!] ?? []).compactMap { actionKeys[$0.actionID] }
            )
        }
        let visits = try await MonitoringVisit.query(on: db).sort(\.$date).all()
            .map { PlanFile.MonitoringVisit(date: $0.date, focus: $0.focus, findings: $0.findings) }
        let documents = try await StrategyDocument.query(on: db).sort(\.$title).all().map {
            PlanFile.StrategyDocument(
                title: $0.title, summary: $0.summary, owner: $0.owner, period: $0.period,
                reviewDue: $0.reviewDue, link: $0.link, plans: $0.planSlugs.isEmpty ? nil : $0.planSlugs)
        }

        let areas = try await ReportingArea.query(on: db).sort(\.$name).all()
        let areaNames = Dictionary(uniqueKeysWithValues: areas.map { ($0.id!, $0.name) })
        let values = Dictionary(grouping: try await IndicatorValue.query(on: db).sort(\.$periodEnd).all(), by: \.indicatorID)
        let targets = Dictionary(grouping: try await IndicatorTarget.query(on: db).all(), by: \.indicatorID)
        let indicatorLinks = Dictionary(grouping: try await IndicatorLink.query(on: db).all(), by: \.indicatorID)
        let indicators = try await Indicator.query(on: db).sort(\.$code).all().map { indicator in
            let links = indicatorLinks[indicator.id!] ?? []
            let outcomeRefs = links.compactMap { $0.outcomeID.flatMap { outcomeKeys[$0] } }.sorted()
            let actionRefs = links.compactMap { $0.actionID.flatMap { actionKeys[$0] } }.sorted()
            let indicatorValues = (values[indicator.id!] ?? []).sorted {
                ($0.periodEnd, areaNames[$0.areaID] ?? "") < ($1.periodEnd, areaNames[$1.areaID] ?? "")
            }
            let indicatorTargets = (targets[indicator.id!] ?? []).sorted { $0.period < $1.period }
            return PlanFile.Indicator(
                code: indicator.code, name: indicator.name, definition: indicator.definition, unit: indicator.unit, polarity: indicator.polarity,
                periodType: indicator.periodType, kind: indicator.kind, publisher: indicator.publisher, dataset: indicator.dataset,
                owner: indicator.owner, numerator: indicator.numerator, denominator: indicator.denominator,
                familyFriendlyMeasure: indicator.familyFriendlyMeasure,
                outcomes: outcomeRefs.isEmpty ? nil : outcomeRefs, actions: actionRefs.isEmpty ? nil : actionRefs,
                values: indicatorValues.isEmpty
                    ? nil
                    : indicatorValues.map {
                        PlanFile.Value(
                            area: areaNames[$0.areaID] ?? "", period: $0.period, value: $0.value, count: $0.count,
                            denominator: $0.denominator, lower: $0.lower, upper: $0.upper, status: $0.status, source: $0.source)
                    },
                targets: indicatorTargets.isEmpty
                    ? nil : indicatorTargets.map { PlanFile.Target(period: $0.period, value: $0.value, origin: $0.origin) })
        }

        return PlanFile(
            organisations: writtenOrganisations.keys.compactMap { organisations[$0] }.sorted { $0.name < $1.name }.map { organisation in
                let aliases = writtenOrganisations[organisation.id!]!.subtracting([organisation.name]).sorted()
                return PlanFile.Organisation(name: organisation.name, kind: organisation.kind.rawValue, aliases: aliases.isEmpty ? nil : aliases)
            },
            boards: writtenBoards.keys.compactMap { boards[$0] }.sorted { $0.name < $1.name }.map { board in
                let aliases = writtenBoards[board.id!]!.subtracting([board.name]).sorted()
                return PlanFile.Board(name: board.name, kind: board.kind, aliases: aliases.isEmpty ? nil : aliases)
            },
            plans: filePlans,
            recommendations: recommendations.isEmpty ? nil : recommendations,
            monitoringVisits: visits.isEmpty ? nil : visits,
            documents: documents.isEmpty ? nil : documents,
            areas: areas.isEmpty ? nil : areas.map { PlanFile.Area(name: $0.name, kind: $0.kind) },
            indicators: indicators.isEmpty ? nil : indicators
        )
    }
}
