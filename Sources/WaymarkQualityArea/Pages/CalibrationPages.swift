import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Calibration: the vignettes issued, issuing one, and one vignette with the auditor's own grades (or how far they
/// were from the agreed ones) and, for QA leads, how everyone's grades spread and the agreed grades recorded.
public enum CalibrationPages {
    public static let listTitle = "Calibration"
    public static let newTitle = "Issue a vignette"

    public struct Listed: Sendable {
        public var id: String, title: String, issued: String, closes: String
        /// "To grade", "Graded: waiting for the agreed grades", "Agreed: see how far you were", "Closed".
        public var yours: String
        /// How many have graded it, for QA leads; nil for others.
        public var graded: Int?
        public init(id: String, title: String, issued: String, closes: String, yours: String, graded: Int?) {
            (self.id, self.title, self.issued, self.closes, self.yours, self.graded) = (id, title, issued, closes, yours, graded)
        }
    }

    public static func list(_ listed: [Listed], mayIssue: Bool, context: PageContext) -> String {
        let headings = ["Vignette", "Issued", "Closes", "Yours"] + (mayIssue ? ["Graded by"] : [])
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality"))),
                .h1(.text(listTitle)),
                .p(
                    .class("lead"),
                    .text(
                        "A QA lead issues a made-up case, a vignette, that every auditor grades on their own with the audit instrument. Once the team has agreed its grades, each auditor sees, privately, how far theirs were from them: nobody else sees one auditor's grades."
                    )),
                .if(mayIssue, .p(.a(.class("button"), .href(SiteURL.quality(.newCalibration).path), .text(newTitle)))),
                listed.isEmpty
                    ? .p(.text("No vignette has been issued yet."))
                    : .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.text("Vignettes, newest first")),
                            .thead(.tr(.forEach(headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                            .tbody(
                                .forEach(listed) { row in
                                    .tr(
                                        .th(
                                            .attribute(named: "scope", value: "row"),
                                            .a(.href(SiteURL.quality(.calibrationExercise(id: row.id)).path), .text(row.title))),
                                        .td(.text(row.issued)), .td(.text(row.closes)), .td(.text(row.yours)),
                                        .unwrap(row.graded) { .td(.class("numeric"), .text(String($0))) })
                                })))))
    }

    public static func new(_ form: CalibrationForm, errors: FormErrors, instruments: [Form.Choice], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality")), .text(" › "),
                    .a(.href(SiteURL.quality(.calibration).path), .text(listTitle))),
                Form.errorSummary(errors),
                .h1(.text(newTitle)),
                instruments.isEmpty
                    ? .p(
                        .text("No audit instrument is published yet, and a vignette is graded with a published version. "),
                        .a(.href(SiteURL.quality(.instruments).path), .text("Publish one first")), .text("."))
                    : Form.post(
                        to: .quality(.calibration), csrfToken: context.csrfToken,
                        Form.textField(
                            "title", label: "Title", value: form.title, errors: errors, hint: "For example, A child in need, six months on"),
                        Form.textArea(
                            "vignette", label: "The case", value: form.vignette, errors: errors,
                            hint:
                                "Made up, or changed so that no child or family can be recognised: no names, dates of birth, addresses, schools or places. Write what an auditor would find on the file: the assessment, the plan, visits, the child's views, supervision.",
                            rows: 16),
                        Form.dateInput(
                            "closes-on", legend: "The last day auditors grade it", value: form.closesOn, errors: errors,
                            hint: "For example, 31 1 2027"),
                        Form.select(
                            "instrument", label: "The instrument it is graded with", choices: instruments,
                            selected: form.instrument.isEmpty ? instruments[0].value : form.instrument, errors: errors),
                        Form.submit("Issue the vignette"))))
    }

    /// One vignette, as the viewer sees it.
    public struct Model: Sendable {
        public enum Yours: Sendable {
            /// The form, as typed, with its mistakes.
            case toGrade(typed: [String: String], errors: FormErrors)
            case waiting(grades: [String: Int])
            case compared(Calibration.Distance)
            /// Closed (or agreed) before they graded it.
            case missed
        }

        public enum Agreement: Sendable {
            case form(typed: [String: String], errors: FormErrors)
            case agreed(by: String, on: String)
        }

        public var id: String, title: String, vignette: String, issued: String, closes: String
        public var instrument: AuditInstrument
        public var yours: Yours
        /// For QA leads: how the auditors' grades spread, and the agreed grades (to record, or recorded).
        public var spread: [Calibration.Spread]?
        public var agreement: Agreement?

        public init(
            id: String, title: String, vignette: String, issued: String, closes: String, instrument: AuditInstrument, yours: Yours,
            spread: [Calibration.Spread]? = nil, agreement: Agreement? = nil
        ) {
            (self.id, self.title, self.vignette, self.issued, self.closes, self.instrument) = (id, title, vignette, issued, closes, instrument)
            (self.yours, self.spread, self.agreement) = (yours, spread, agreement)
        }

        /// The instrument's domains and the overall grade, in order, with their titles.
        var graded: [(id: String, title: String)] {
            instrument.domains.map { ($0.id, $0.title) } + [(CompletedCaseAudit.overallKey, "Overall")]
        }
    }

    public static func exercise(_ model: Model, context: PageContext) -> String {
        let errors: FormErrors =
            switch (model.yours, model.agreement) {
            case (.toGrade(_, let errors), _) where !errors.isEmpty: errors
            case (_, .form(_, let errors)?): errors
            default: FormErrors()
            }
        return Layout.render(
            context,
            main: .group(
                .p(
                    .class("breadcrumbs"), .a(.href(SiteURL.quality(.home).path), .text("Quality")), .text(" › "),
                    .a(.href(SiteURL.quality(.calibration).path), .text(listTitle))),
                Form.errorSummary(errors),
                .h1(.text(model.title)),
                .p(
                    .class("lead"),
                    .text("\(model.issued). Graded with \(model.instrument.name), version \(model.instrument.version), until \(model.closes).")),
                .h2(.text("The case")),
                .forEach(model.vignette.components(separatedBy: "\n\n").filter { !$0.isEmpty }) { .p(.text($0)) },
                .h2(.text("Your grades")),
                yours(model, csrfToken: context.csrfToken),
                .unwrap(model.spread) { spread($0, model: model) },
                .unwrap(model.agreement) { agreement($0, model: model, csrfToken: context.csrfToken) }
            ))
    }

    static func gradeChoices(_ model: Model, prefix: String, typed: [String: String], errors: FormErrors) -> Node<HTML.BodyContext> {
        let choices = model.instrument.scale.grades.enumerated().map { Form.Choice(value: String($0.offset), label: $0.element) }
        return .forEach(model.graded) { graded in
            let field = Calibration.field(graded.id, prefix: prefix)
            return Form.choices(
                field,
                legend: graded.id == CompletedCaseAudit.overallKey
                    ? "\(prefix.isEmpty ? "" : "Agreed ")overall grade".capitalizedFirst
                    : "\(prefix.isEmpty ? "Grade" : "Agreed grade") for \(graded.title.lowercased())",
                choices: choices, selected: Set([typed[field]].compactMap { $0 }), errors: errors)
        }
    }

    static func yours(_ model: Model, csrfToken: String) -> Node<HTML.BodyContext> {
        let grades = model.instrument.scale.grades
        func name(_ place: Int) -> String { grades.indices.contains(place) ? grades[place] : "–" }
        switch model.yours {
        case .toGrade(let typed, let errors):
            return Form.post(
                to: .quality(.calibrationExercise(id: model.id)), csrfToken: csrfToken,
                .p(
                    .text(
                        "Grade it as you would a real case, on your own. Nobody else sees your grades; once the agreed grades are recorded, you see how far yours were from them."
                    )),
                gradeChoices(model, prefix: "", typed: typed, errors: errors),
                Form.submit("Submit your grades"))
        case .waiting(let given):
            return .group(
                .p(.text("Your grades are in. Once the QA lead records the grades the team agreed, you see here how far yours were from them.")),
                .ul(.forEach(model.graded) { graded in .li(.text("\(graded.title): \(given[graded.id].map(name) ?? "–")")) }))
        case .missed:
            return .p(.text("You did not grade this vignette before it closed."))
        case .compared(let distance):
            let titles = Dictionary(uniqueKeysWithValues: model.graded.map { ($0.id, $0.title) })
            return .group(
                .p(.text(sentence(distance))),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("Your grades beside the agreed grades (only you see this)")),
                        .thead(
                            .tr(.forEach(["Domain", "Yours", "Agreed", "Difference"]) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                        .tbody(
                            .forEach(distance.graded) { graded in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(titles[graded.id] ?? graded.id)),
                                    .td(.text(name(graded.given))),
                                    .td(.text(name(graded.agreed))), .td(.text(difference(graded.difference))))
                            }))))
        }
    }

    /// "The same", "1 grade more generous", "2 grades more severe".
    static func difference(_ places: Int) -> String {
        switch places {
        case 0: "The same"
        case ..<0: "\(Counted.phrase(-places, "grade")) more generous"
        default: "\(Counted.phrase(places, "grade")) more severe"
        }
    }

    static func sentence(_ distance: Calibration.Distance) -> String {
        let all = distance.graded.count
        let bias =
            distance.bias.map { bias -> String in
                let rounded = (abs(bias) * 10).rounded() / 10
                return rounded == 0
                    ? " On average you graded as the team agreed."
                    : " On average you graded \(String(format: "%.1f", rounded)) of a grade \(bias < 0 ? "more generously" : "more severely") than the team agreed."
            } ?? ""
        return "You gave the agreed grade for \(distance.same) of \(all), and were within one grade for \(distance.withinOne) of \(all).\(bias)"
    }

    static func spread(_ spread: [Calibration.Spread], model: Model) -> Node<HTML.BodyContext> {
        let graders = spread.first?.graders ?? 0
        let titles = Dictionary(uniqueKeysWithValues: model.graded.map { ($0.id, $0.title) })
        let scale = model.instrument.scale.grades
        return .group(
            .h2(.text("How the auditors graded it")),
            .p(
                .text(
                    graders == 0
                        ? "Nobody has graded it yet."
                        : "\(Counted.phrase(graders, "person has", plural: "people have")) graded it. How many gave each grade, with no names: each auditor alone sees their own."
                )),
            .if(
                graders > 0,
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("How many gave each grade")),
                        .thead(
                            .tr(
                                .forEach(["Domain"] + scale + ["Agreed", "Gave the agreed grade"]) {
                                    .th(.attribute(named: "scope", value: "col"), .text($0))
                                })),
                        .tbody(
                            .forEach(spread) { row in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(titles[row.id] ?? row.id)),
                                    .forEach(row.counts) { .td(.class("numeric"), .text(String($0))) },
                                    .td(.text(row.agreed.map { scale[$0] } ?? "Not yet")),
                                    .td(.class("numeric"), .text(row.same.map { "\($0) of \(row.graders)" } ?? "–")))
                            })))))
    }

    static func agreement(_ agreement: Model.Agreement, model: Model, csrfToken: String) -> Node<HTML.BodyContext> {
        switch agreement {
        case .agreed(let by, let on):
            return .p(.text("The agreed grades were recorded by \(by) on \(on). Each auditor now sees how far theirs were from them."))
        case .form(let typed, let errors):
            return Form.post(
                to: .quality(.agreeCalibration(id: model.id)), csrfToken: csrfToken,
                .h2(.text("Record the agreed grades")),
                .p(
                    .text(
                        "The grades the team agreed when it discussed the case, usually after it closes. Once recorded, nobody can grade it, and each auditor sees how far they were."
                    )),
                gradeChoices(model, prefix: "agreed-", typed: typed, errors: errors),
                Form.submit("Record the agreed grades"))
        }
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
