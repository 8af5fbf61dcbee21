import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkTimescales
import WaymarkUI
import WaymarkWeb

/// The Family Friendly Index dashboard, an indicator's page, and adding a value (with turn-the-curve commentary
/// when it is red).
enum MeasuresController {
    struct ValueForm: Content {
        var period: String?, value: String?, count: String?, denominator: String?, target: String?, targetOrigin: String?
        var story: String?, partners: String?, whatWorks: String?, actionPlan: String?
    }

    @Sendable static func dashboard(req: Request) async throws -> Response {
        let (data, _) = try await MeasuresData.load(on: req.db).addingWorkedOut(req)
        let measureTitles = try await MeasuresStore.familyFriendlyMeasureTitles(on: req.db)
        let rows = data.indicators.map { data.row(for: $0) }
        let measures = measureTitles.enumerated().map { offset, title in
            let indicators = zip(data.indicators, rows).filter { $0.0.familyFriendlyMeasure == offset + 1 }.map(\.1)
            return FamilyFriendlyIndexPage.Measure(
                number: offset + 1, title: title,
                score: FamilyFriendlyIndex.score(indicators.map(\.assessment.judgements)), indicators: indicators)
        }
        let others = zip(data.indicators, rows).filter { indicator, _ in
            indicator.familyFriendlyMeasure.map { $0 > measureTitles.count } ?? true
        }.map(\.1)
        let model = FamilyFriendlyIndexPage.Model(
            index: FamilyFriendlyIndex.index(measures.map(\.score)), measures: measures, others: others,
            mayUpload: req.signedIn?.user.role.permissions.contains(.enterMeasures) ?? false)
        return .html(FamilyFriendlyIndexPage.render(model, context: req.pageContext("Family Friendly Index", area: .measures)))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await page(req, form: IndicatorPage.ValueForm())
    }

    @Sendable static func addValue(req: Request) async throws -> Response {
        let data = try await MeasuresData.load(indicatorCode: req.parameters.require("indicatorCode"), on: req.db)
        guard let indicator = data.indicators.first, let indicatorID = indicator.id, let borough = data.borough else { throw Abort(.notFound) }
        let form = try req.content.decode(ValueForm.self)
        let input = IndicatorValueInput(
            period: form.period ?? "", value: form.value ?? "", count: form.count ?? "", denominator: form.denominator ?? "",
            target: form.target ?? "", targetOrigin: form.targetOrigin ?? "local", story: form.story ?? "", partners: form.partners ?? "",
            whatWorks: form.whatWorks ?? "", actionPlan: form.actionPlan ?? "")
        let targets = data.targets[indicatorID] ?? []
        let outcome = input.check(
            unit: indicator.unit, periodType: indicator.periodType, polarity: indicator.polarity,
            existingTarget: { period in targets.first { $0.period == period }?.value })
        switch outcome {
        case .mistakes(let mistakes):
            return try await page(req, form: .init(echoing: input, mistakes: mistakes, commentaryRequired: false), status: .unprocessableEntity)
        case .needsCommentary(let missing):
            return try await page(req, form: .init(echoing: input, mistakes: missing, commentaryRequired: true), status: .unprocessableEntity)
        case .accepted(let checked):
            let user = try req.requireSignedIn().user
            var changes = IndicatorValuesUpload.Changes()
            let period = checked.period.text
            changes.values[.init(indicator: indicator.code, area: borough.name, period: period)] = .init(
                value: checked.value, count: checked.count, denominator: checked.denominator, status: .provisional,
                source: "Entered by \(user.displayName)")
            if let target = checked.target {
                changes.targets[.init(indicator: indicator.code, period: period)] = .init(value: target.value, origin: target.origin)
            }
            if let commentary = checked.commentary {
                changes.commentaries[.init(indicator: indicator.code, period: period)] = .init(
                    story: commentary.story, partners: commentary.partners, whatWorks: commentary.whatWorks, actionPlan: commentary.actionPlan)
            }
            try await MeasuresStore.saveEntered(
                changes, indicatorCode: indicator.code, author: user.displayName,
                detail: "\(period): \(checked.value)\(checked.target.map { ", target \($0.value)" } ?? "")", by: req.auditActor, on: req.db)
            return req.redirect(to: .measures(.indicator(code: indicator.code)), notice: .valueSaved)
        }
    }

    /// The outcomes and actions an indicator shows progress on, each with its plan, for links.
    private static func planLinks(of indicatorID: UUID, on db: any Database) async throws -> [(label: String, url: SiteURL)] {
        let linked = try await MeasuresStore.linkedPlanItems(indicatorID: indicatorID, on: db)
        return linked.outcomes.map { outcome, plan in
            ("Outcome: \(outcome.name) (\(plan.title))", .plan(.outcome(slug: plan.slug, ref: outcome.ref)))
        }
            + linked.actions.map { action, plan in
                ("Action \(action.ref): \(action.title)", .plan(.action(slug: plan.slug, ref: action.ref)))
            }
    }

    /// The indicator's figures worked out from the records, when its code is a measure's: each linked to the children
    /// behind it for those who may see them; a figure from too few children withheld from those who may not.
    private static func workedOutSection(_ indicator: Indicator, _ worked: WorkedOutValues, req: Request) -> WorkedOutSection? {
        guard let measure = WorkedOutValues.measure(of: indicator), let figures = worked.byCode[indicator.code] else { return nil }
        let permissions = req.signedIn?.user.role.permissions ?? []
        let seesChildren = permissions.contains(.viewChildren)
        return WorkedOutSection(
            measureTitle: measure.title,
            reportHref: permissions.contains(.viewPerformance) ? SiteURL.performance(.report()).path : nil,
            rows: figures.map { worked in
                let underWay = if case .underWay = worked.span { true } else { false }
                let period = worked.period.inWords + (underWay ? " (so far)" : "")
                let counted = worked.figure.counted
                let figure: String
                if counted == 0 {
                    figure = "None counted"
                } else if !seesChildren && SmallNumbers.withheld(counted: counted) {
                    figure = "Not shown: fewer than \(SmallNumbers.fewestShared) counted"
                } else {
                    let value = WorkedOutValues.value(worked.figure, of: measure).map(indicator.unit.text) ?? ""
                    figure = measure.shape == .share ? "\(value) (\(Counted.number(worked.figure.meeting)) of \(Counted.number(counted)))" : value
                }
                let href =
                    seesChildren && counted > 0
                    ? SiteURL.performance(.measure(measure.rawValue, .init(period: worked.period.description))).path : nil
                return .init(period: period, figure: figure, childrenHref: href)
            })
    }

    private static func page(_ req: Request, form: IndicatorPage.ValueForm, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (data, worked) = try await MeasuresData.load(indicatorCode: req.parameters.require("indicatorCode"), on: req.db)
            .addingWorkedOut(req)
        guard let indicator = data.indicators.first, let indicatorID = indicator.id else {
            throw Abort(.notFound)
        }
        let commentaries = try await MeasuresStore.commentaries(indicatorID: indicatorID, on: req.db)
        let planLinks = try await planLinks(of: indicatorID, on: req.db)
        let provenance: [(label: String, value: String)] = [
            ("Publisher", indicator.publisher), ("Dataset", indicator.dataset), ("Owner", indicator.owner),
            ("Numerator", indicator.numerator), ("Denominator", indicator.denominator),
        ].compactMap { label, value in value.map { (label, $0) } }
        let mayEnter = req.signedIn?.user.role.permissions.contains(.enterMeasures) ?? false
        let model = IndicatorPage.Model(
            row: data.row(for: indicator), definition: indicator.definition, periodType: indicator.periodType, kind: indicator.kind,
            provenance: provenance, chart: data.chart(for: indicator), areaCharts: data.areaCharts(for: indicator),
            commentaries: commentaries.map {
                .init(
                    period: $0.period, story: $0.story, partners: $0.partners, whatWorks: $0.whatWorks,
                    actionPlan: $0.actionPlan, author: $0.authorName)
            },
            links: planLinks, workedOut: workedOutSection(indicator, worked, req: req), form: mayEnter ? form : nil)
        return .html(
            IndicatorPage.render(model, context: req.pageContext(indicator.name, area: .measures, notice: Notice.from(req)?.message)),
            status: status)
    }
}
