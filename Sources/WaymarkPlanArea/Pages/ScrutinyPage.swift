import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Young people's scrutiny of a plan: the record of each meeting and, for those who keep it, the form to add one.
public enum ScrutinyPage {
    public struct Meeting: Sendable {
        public var metOn: String, attendees: String, findings: String, recordedBy: String
        public init(metOn: String, attendees: String, findings: String, recordedBy: String) {
            self.metOn = metOn
            self.attendees = attendees
            self.findings = findings
            self.recordedBy = recordedBy
        }
    }

    public struct Form: Sendable {
        public var metOn = "", attendees = "", findings = ""
        public var errors = FormErrors()
        public init() {}

        /// The person's own input, shown again with what is wrong.
        public init(echoing input: ScrutinyInput, mistakes: [FieldMistake]) {
            (metOn, attendees, findings) = (input.metOn, input.attendees, input.findings)
            errors = FormErrors(mistakes)
        }
    }

    public struct Model: Sendable {
        public var planSlug: String, planTitle: String, meetings: [Meeting]
        /// nil when the viewer may not add a meeting.
        public var form: Form?
        public init(planSlug: String, planTitle: String, meetings: [Meeting], form: Form?) {
            self.planSlug = planSlug
            self.planTitle = planTitle
            self.meetings = meetings
            self.form = form
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.plan(.overview(slug: model.planSlug)).path), .text(model.planTitle))),
                .h1(.text("Young people's scrutiny")),
                .p(
                    .class("lead"),
                    .text("Each meeting at which young people reviewed this plan: who took part, what they found and what they asked for.")),
                model.meetings.isEmpty
                    ? .p(.text("No scrutiny meetings have been recorded yet."))
                    : .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text("\(model.meetings.count) meetings, newest first")),
                            .thead(
                                .tr(
                                    .th(.text("Date")), .th(.text("Who took part")), .th(.text("What they found and asked for")),
                                    .th(.text("Recorded by")))),
                            .tbody(
                                .forEach(model.meetings) {
                                    .tr(.td(.text($0.metOn)), .td(.text($0.attendees)), .td(.text($0.findings)), .td(.text($0.recordedBy)))
                                })
                        )),
                .unwrap(model.form) { form in
                    .section(
                        .h2(.id("record"), .text("Record a meeting")),
                        WaymarkUI.Form.errorSummary(form.errors),
                        WaymarkUI.Form.post(
                            to: .plan(.scrutiny(slug: model.planSlug)), csrfToken: context.csrfToken,
                            WaymarkUI.Form.dateInput("metOn", legend: "Date of the meeting", value: form.metOn, errors: form.errors),
                            WaymarkUI.Form.textField(
                                "attendees", label: "Who took part", value: form.attendees, errors: form.errors,
                                hint: "Groups and numbers, not children's names: \"Children in Care Council: 7 young people; 2 councillors\"."),
                            WaymarkUI.Form.textArea(
                                "findings", label: "What the young people found and asked for", value: form.findings, errors: form.errors),
                            .div(.class("actions"), WaymarkUI.Form.submit("Save meeting"))
                        )
                    )
                }
            ))
    }
}
