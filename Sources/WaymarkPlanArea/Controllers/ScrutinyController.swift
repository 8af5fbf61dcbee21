import Fluent
import Vapor
import WaymarkDomain
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// Young people's scrutiny meetings on a plan: the record, and adding a meeting.
enum ScrutinyController {
    /// The day of the meeting comes in GOV.UK's three boxes (`DateField`).
    struct MeetingForm: Content {
        var attendees: String?
        var findings: String?
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let plan = try await loadPlan(req)
        return try await page(req, plan: plan, form: ScrutinyPage.Form())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let plan = try await loadPlan(req)
        let user = try req.requireSignedIn().user
        let form = try req.content.decode(MeetingForm.self)
        let metOn = DateField.read("metOn") { try? req.content.get(String.self, at: $0) }
        let input = ScrutinyInput(metOn: metOn, attendees: form.attendees ?? "", findings: form.findings ?? "")
        switch input.check(today: .today) {
        case .failure(let mistakes):
            return try await page(req, plan: plan, form: .init(echoing: input, mistakes: mistakes.all), status: .unprocessableEntity)
        case .success(let checked):
            let meeting = ScrutinyMeeting()
            meeting.metOn = checked.metOn.description
            meeting.attendees = checked.attendees
            meeting.findings = checked.findings
            meeting.recordedBy = user.displayName
            try await PlanStore.record(meeting, of: plan, by: req.auditActor, on: req.db)
            return req.redirect(to: .plan(.scrutiny(slug: plan.slug)), notice: .scrutinyRecorded)
        }
    }

    private static func loadPlan(_ req: Request) async throws -> Plan {
        guard let plan = try await PlanStore.plan(slug: req.parameters.require("planSlug"), on: req.db) else {
            throw Abort(.notFound)
        }
        return plan
    }

    private static func page(_ req: Request, plan: Plan, form: ScrutinyPage.Form, status: HTTPResponseStatus = .ok) async throws -> Response {
        let meetings = try await PlanStore.scrutinyMeetings(planID: plan.requireID(), on: req.db)
        let mayRecord = req.signedIn?.user.role.permissions.contains(.recordScrutiny) ?? false
        let model = ScrutinyPage.Model(
            planSlug: plan.slug, planTitle: plan.title,
            meetings: meetings.map {
                .init(metOn: ISODay.written($0.metOn), attendees: $0.attendees, findings: $0.findings, recordedBy: $0.recordedBy)
            },
            form: mayRecord ? form : nil)
        return .html(
            ScrutinyPage.render(model, context: req.pageContext("Young people's scrutiny", area: .plan, notice: Notice.from(req)?.message)),
            status: status)
    }
}
