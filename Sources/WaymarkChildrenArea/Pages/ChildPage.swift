import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// One child: who they are, where they are now, who they are allocated to, and the chronology of every record of
/// their journey with where it came from.
public enum ChildPage {
    public struct Entry: Sendable {
        /// "15 January 2019", or "15 January 2019 to 3 March 2019", with the child's age then ("aged 6").
        public var date: String, age: String?
        /// What happened, in a sentence, every code by its meaning.
        public var sentence: String, source: String
        public init(date: String, age: String? = nil, sentence: String, source: String) {
            self.date = date
            self.age = age
            self.sentence = sentence
            self.source = source
        }
    }

    /// A clock that is open: what is due next and when.
    public struct Due: Sendable {
        public var what: String, due: String, state: String, overdue: Bool
        public init(what: String, due: String, state: String, overdue: Bool) {
            self.what = what
            self.due = due
            self.state = state
            self.overdue = overdue
        }
    }

    /// The chronology's filters: the kinds of record the child has, and the ones chosen.
    public struct Filter: Sendable {
        public var childID: String
        public var kinds: [(value: String, label: String)]
        public var kind: String, from: String, to: String
        /// How many of the child's dated records the filters leave out.
        public var leftOut: Int
        public init(childID: String, kinds: [(value: String, label: String)], kind: String, from: String, to: String, leftOut: Int) {
            self.childID = childID
            self.kinds = kinds
            self.kind = kind
            self.from = from
            self.to = to
            self.leftOut = leftOut
        }
    }

    /// The child's records in one return's latest year that held them, checked with the DfE's rules for that year.
    public struct ReturnCheck: Sendable {
        public struct Finding: Sendable {
            public var rule: String, severity: String, record: String, fields: String, message: String
            public init(rule: String, severity: String, record: String, fields: String, message: String) {
                self.rule = rule
                self.severity = severity
                self.record = record
                self.fields = fields
                self.message = message
            }
        }

        /// The return and year: `SSDA903 2025/26`.
        public var title: String
        /// Nil when Waymark holds no rules for that year.
        public var findings: [Finding]?
        public init(title: String, findings: [Finding]?) {
            self.title = title
            self.findings = findings
        }
    }

    public struct Model: Sendable {
        public var heading: String
        public var identity: [(label: String, value: String)]
        public var statuses: [String]
        /// Each episode, plan and placement open today, in words with the day it began (`ChildNow`).
        public var now: [String]
        public var allocation: String?
        /// One for each return that has held the child's records.
        public var returnChecks: [ReturnCheck]
        /// The open clocks, soonest due first.
        public var dueNext: [Due]
        public var filter: Filter?
        public var chronology: [Entry]
        public var otherRecords: [Entry]
        public init(
            heading: String, identity: [(label: String, value: String)], statuses: [String], now: [String] = [], allocation: String?,
            returnChecks: [ReturnCheck] = [], dueNext: [Due] = [], filter: Filter? = nil, chronology: [Entry], otherRecords: [Entry]
        ) {
            self.heading = heading
            self.identity = identity
            self.statuses = statuses
            self.now = now
            self.allocation = allocation
            self.returnChecks = returnChecks
            self.dueNext = dueNext
            self.filter = filter
            self.chronology = chronology
            self.otherRecords = otherRecords
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.children(.home).path), .text("Children"))),
                .h1(.text(model.heading)),
                .p(
                    .class("meta"),
                    .if(model.statuses.isEmpty, .text("No open episode in the records held")),
                    .forEach(model.statuses) { .group(.span(.class("tag tag--status"), .text($0)), .text(" ")) }),
                .dl(
                    .class("summary-list"),
                    .if(
                        !model.now.isEmpty,
                        .group(.dt(.text("Now")), .dd(.ul(.class("plain-list"), .forEach(model.now) { .li(.text($0)) })))),
                    .dt(.text("Allocated to")), .dd(.text(model.allocation ?? "Not allocated")),
                    .forEach(model.identity) { .group(.dt(.text($0.label)), .dd(.text($0.value))) }),
                dueNext(model.dueNext),
                .if(!model.returnChecks.isEmpty, validationIssues(model.returnChecks)),
                .h2(.text("Chronology")),
                .unwrap(model.filter) { filters($0) },
                .if(
                    model.chronology.isEmpty, .p(.text(model.filter.map { $0.leftOut > 0 } == true ? "No record matches." : "No dated records yet."))),
                .if(!model.chronology.isEmpty, table(model.chronology, caption: "Chronology: every dated record, oldest first", dated: true)),
                .if(
                    !model.otherRecords.isEmpty,
                    .group(
                        .h2(.text("Other records")),
                        table(model.otherRecords, caption: "Records without a date of their own", dated: false)))
            ))
    }

    /// What the DfE's rules say of the records the returns hold, return by return.
    static func validationIssues(_ checks: [ReturnCheck]) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("Validation issues")),
            .p(
                .class("hint"),
                .text(
                    """
                    The records each return last held for this child, checked with the DfE's rules for that year as the return \
                    would send them. An error must be put right before the return is accepted; a query must be checked. \
                    Rules that compare children with one another, or look at the return as a whole, are checked on the whole return.
                    """)),
            .forEach(checks) { check in
                guard let findings = check.findings else {
                    return .p(.text("\(check.title): Waymark does not hold the DfE's rules for this year, so these records were not checked."))
                }
                guard !findings.isEmpty else {
                    return .p(.text("\(check.title): no issues. The records pass every rule that can be checked for one child."))
                }
                let errors = findings.filter { $0.severity == "Error" }.count, queries = findings.count - errors
                let counted = [
                    errors == 0 ? nil : "\(errors) \(errors == 1 ? "error" : "errors")",
                    queries == 0 ? nil : "\(queries) \(queries == 1 ? "query" : "queries")",
                ].compactMap { $0 }.joined(separator: " and ")
                return .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(check.title): \(counted)")),
                        .thead(
                            .tr(
                                .forEach(["Rule", "Error or query", "Record", "Fields", "What the rule says"]) {
                                    .th(.attribute(named: "scope", value: "col"), .text($0))
                                })),
                        // Written as HTML text, as the chronology is: a child with hundreds of records may break a rule on each.
                        .tbody(
                            .raw(
                                findings.map { finding in
                                    "<tr>"
                                        + [finding.rule, finding.severity, finding.record, finding.fields, finding.message]
                                        .map { "<td>\(HTMLText.escaped($0))</td>" }.joined() + "</tr>"
                                }.joined()))))
            })
    }

    /// What is due next, from the child's open clocks; overdue first.
    static func dueNext(_ due: [Due]) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text("What is due")),
            due.isEmpty
                ? .p(.text("Nothing: no timescale of this child's is open."))
                : .ul(
                    .class("today-list"),
                    .forEach(due) { item in
                        .li(
                            .text("\(item.what): due \(item.due) "),
                            .span(.class(item.overdue ? "tag tag--red" : "tag tag--status"), .text(item.state)))
                    }))
    }

    /// Narrowing the chronology by kind of record and by date.
    static func filters(_ filter: Filter) -> Node<HTML.BodyContext> {
        .element(
            named: "form",
            nodes: [
                .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteURL.children(.show(id: filter.childID)).path),
                .class("filters"), .attribute(named: "aria-label", value: "Narrow the chronology"),
                Form.select(
                    "kind", label: "Kind of record", choices: filter.kinds.map { Form.Choice(value: $0.value, label: $0.label) },
                    selected: filter.kind, errors: FormErrors(), includeBlank: "Every kind"),
                Form.dateInput("from", legend: "From", value: filter.from, errors: FormErrors()),
                Form.dateInput("to", legend: "To", value: filter.to, errors: FormErrors()),
                .div(.class("actions"), Form.submit("Show")),
                .if(filter.leftOut > 0, .p(.class("hint"), .text("\(Counted.phrase(filter.leftOut, "record")) left out by these choices."))),
            ])
    }

    static func table(_ entries: [Entry], caption: String, dated: Bool) -> Node<HTML.BodyContext> {
        .div(
            .class("table-wrap"),
            .table(
                .caption(.text(caption)),
                .thead(
                    .tr(
                        .if(dated, .th(.attribute(named: "scope", value: "col"), .text("Date"))),
                        .th(.attribute(named: "scope", value: "col"), .text("What happened")),
                        .th(.attribute(named: "scope", value: "col"), .text("Source")))),
                // Written as HTML text: a chronology has hundreds of rows, and Plot's escaping was most of the page's time.
                // The source (file and line) is one click away, for data officers.
                .tbody(
                    .raw(
                        entries.map { entry in
                            let date =
                                HTMLText.escaped(entry.date) + (entry.age.map { "<br><span class=\"hint\">\(HTMLText.escaped($0))</span>" } ?? "")
                            return (dated ? "<tr><td>\(date)</td>" : "<tr>") + "<td>\(HTMLText.escaped(entry.sentence))</td>"
                                + "<td><details><summary>Source</summary>\(HTMLText.escaped(entry.source))</details></td></tr>"
                        }.joined()))
            ))
    }
}

/// The Children area: find a child by their identifier (or name, for those who may see names), within the
/// records the person may open.
public enum ChildrenPage {
    public struct Result: Sendable {
        public var id: String, localID: String, name: String?, dateOfBirth: String, statuses: String
        public init(id: String, localID: String, name: String?, dateOfBirth: String, statuses: String) {
            self.id = id
            self.localID = localID
            self.name = name
            self.dateOfBirth = dateOfBirth
            self.statuses = statuses
        }
    }

    public struct Model: Sendable {
        public var query: String
        public var seesNames: Bool
        public var results: [Result]?
        public var total: Int
        /// Whether the person may import returns (offered the import page).
        public var mayImport: Bool
        public init(query: String, seesNames: Bool, results: [Result]?, total: Int, mayImport: Bool) {
            self.query = query
            self.seesNames = seesNames
            self.results = results
            self.total = total
            self.mayImport = mayImport
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text("Children")),
                .p(
                    .class("lead"),
                    .text(
                        "\(model.total) \(model.total == 1 ? "child" : "children") whose records you may open. Every record you open is in the audit trail."
                    )),
                .p(.a(.href(SiteURL.children(.caseloads).path), .text("Caseloads: who holds which children now"))),
                .if(
                    model.mayImport,
                    .group(
                        .p(
                            .a(
                                .href(SiteURL.children(.returns).path),
                                .text("Import a statutory return (SSDA903 or CIN census) or the case system's extract"))),
                        .p(
                            .a(
                                .href(SiteURL.children(.validateReturn).path),
                                .text("Check a statutory return with the DfE's validation rules (nothing is imported)"))))),
                // Posted, not a query string: what is searched for (a name, an identifier) must not end up in a URL.
                Form.post(
                    to: .children(.home), csrfToken: context.csrfToken, class: "search",
                    Form.textField(
                        "q", label: model.seesNames ? "Find a child by identifier, UPN or name" : "Find a child by identifier or UPN",
                        value: model.query, errors: FormErrors(), autocomplete: "off"),
                    .div(.class("actions"), Form.submit("Search"))),
                .unwrap(model.results) { results in
                    results.isEmpty
                        ? .p(.text("No child you may open matches \"\(model.query)\"."))
                        : .div(
                            .class("table-wrap"),
                            .table(
                                .caption(.text("Children matching \"\(model.query)\"")),
                                .thead(
                                    .tr(
                                        .th(.attribute(named: "scope", value: "col"), .text("Identifier")),
                                        .if(model.seesNames, .th(.attribute(named: "scope", value: "col"), .text("Name"))),
                                        .th(.attribute(named: "scope", value: "col"), .text("Date of birth")),
                                        .th(.attribute(named: "scope", value: "col"), .text("Now")))),
                                .tbody(
                                    .forEach(results) { result in
                                        .tr(
                                            .td(.a(.href(SiteURL.children(.show(id: result.id)).path), .text(result.localID))),
                                            .if(model.seesNames, .td(.text(result.name ?? "–"))),
                                            .td(.text(result.dateOfBirth)), .td(.text(result.statuses)))
                                    })
                            ))
                }
            ))
    }
}
