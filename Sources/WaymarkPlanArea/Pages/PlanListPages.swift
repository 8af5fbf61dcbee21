import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Finding actions in a plan: filters by organisation, board, status, RAG, due date and principle, and words.
public enum ActionSearchPage {
    public struct Model: Sendable {
        public var planSlug: String, planTitle: String
        public var organisations: [Form.Choice], boards: [Form.Choice]
        public var filters: ActionSearchQuery, errors: FormErrors
        public var results: [ActionRecord], total: Int, today: ISODay
        public init(
            planSlug: String, planTitle: String, organisations: [Form.Choice], boards: [Form.Choice], filters: ActionSearchQuery,
            errors: FormErrors, results: [ActionRecord], total: Int, today: ISODay
        ) {
            self.planSlug = planSlug
            self.planTitle = planTitle
            self.organisations = organisations
            self.boards = boards
            self.filters = filters
            self.errors = errors
            self.results = results
            self.total = total
            self.today = today
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let filters = model.filters
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.plan(.overview(slug: model.planSlug)).path), .text(model.planTitle))),
                .h1(.text("Find actions")),
                Form.errorSummary(model.errors),
                .element(
                    named: "form",
                    nodes: [
                        .attribute(named: "method", value: "get"),
                        .attribute(named: "action", value: SiteURL.plan(.actions(slug: model.planSlug)).path),
                        .class("filters"),
                        .attribute(named: "role", value: "search"),
                        .attribute(named: "aria-label", value: "Filter the actions"),
                        Form.textField("q", label: "Words", value: filters.text, errors: model.errors, type: .search),
                        Form.select(
                            "organisation", label: "Responsible organisation", choices: model.organisations, selected: filters.organisation,
                            errors: model.errors, includeBlank: "Any"),
                        Form.select(
                            "board", label: "Monitored by", choices: model.boards, selected: filters.board, errors: model.errors, includeBlank: "Any"),
                        Form.select(
                            "status", label: "Status", choices: ActionStatus.allCases.map { .init(value: $0.rawValue, label: $0.displayName) },
                            selected: filters.status, errors: model.errors, includeBlank: "Any"),
                        Form.select(
                            "rag", label: "RAG",
                            choices: RAG.allCases.map { .init(value: $0.rawValue, label: $0.displayName) } + [
                                .init(value: "none", label: "Not rated")
                            ],
                            selected: filters.rag, errors: model.errors, includeBlank: "Any"),
                        Form.dateInput("due", legend: "Due on or before", value: filters.dueBy, errors: model.errors),
                        Form.select(
                            "principle", label: "Child-rights principle",
                            choices: ChildRightsPrinciple.allCases.map { .init(value: $0.rawValue, label: $0.displayName) },
                            selected: filters.principle, errors: model.errors, includeBlank: "Any"),
                        .div(
                            .class("actions"), Form.submit("Apply filters"),
                            .a(.href(SiteURL.plan(.actions(slug: model.planSlug)).path), .text("Clear filters"))),
                    ]),
                .p(.attribute(named: "role", value: "status"), .text("\(model.results.count) of \(model.total) actions match.")),
                PlanComponents.actionsTable(model.results, caption: "Matching actions", today: model.today)
            ))
    }
}

/// The actions a person answers for: through their organisation, or as the named lead.
public enum MyActionsPage {
    public struct Model: Sendable {
        public var organisationName: String?
        public var actions: [ActionRecord]
        public var today: ISODay
        public init(organisationName: String?, actions: [ActionRecord], today: ISODay) {
            self.organisationName = organisationName
            self.actions = actions
            self.today = today
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let today = model.today
        let overdue = model.actions.filter { $0.isOverdue(on: today) }
        let dueSoon = model.actions.filter { $0.isDueSoon(on: today) }
        let stale = model.actions.filter { $0.needsUpdate(on: today) && !$0.isOverdue(on: today) }
        return Layout.render(
            context,
            main: .group(
                .h1(.text("My actions")),
                .p(
                    .class("lead"),
                    .text(
                        model.organisationName.map { "Actions \($0) is responsible for, and any that name you as the lead." }
                            ?? "Actions that name you as the lead. You are not placed in an organisation, so none come to you through one.")),
                .p(
                    .text(
                        "\(model.actions.count) actions: \(overdue.count) overdue, \(dueSoon.count) due in the next \(ActionRecord.dueSoonDays) days, "
                            + "\(stale.count) with no update for \(ActionRecord.staleAfterDays) days or more.")),
                .h2(.text("Overdue")),
                PlanComponents.actionsTable(overdue, caption: "Overdue actions", showPlan: true, today: today),
                .h2(.text("Due soon")),
                PlanComponents.actionsTable(dueSoon, caption: "Due in the next \(ActionRecord.dueSoonDays) days", showPlan: true, today: today),
                .h2(.text("Needing an update")),
                PlanComponents.actionsTable(
                    stale, caption: "No update for \(ActionRecord.staleAfterDays) days or more", showPlan: true, today: today),
                .h2(.text("All my actions")),
                PlanComponents.actionsTable(model.actions, caption: "All my actions", showPlan: true, today: today)
            ))
    }
}

/// The boards, committees, plans and reports through which actions are monitored.
public enum BoardsPage {
    public struct Row: Sendable {
        public var id: String, name: String, kind: String, spread: RAGSpread, ofConcern: Int
        public init(id: String, name: String, kind: String, spread: RAGSpread, ofConcern: Int) {
            self.id = id
            self.name = name
            self.kind = kind
            self.spread = spread
            self.ofConcern = ofConcern
        }
    }

    public static func render(_ rows: [Row], context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text("Boards")),
                .p(.class("lead"), .text("What each board, committee, plan or report monitors, and what is at risk there.")),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(rows.count) boards and monitoring routes")),
                        .thead(
                            .tr(
                                .th(.text("Board")), .th(.text("Kind")), .th(.text("Actions")), .th(.text("At risk, off track, red or amber")),
                                .th(.text("Actions by RAG")))),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .td(.a(.href(SiteURL.plan(.board(id: row.id)).path), .text(row.name))), .td(.text(row.kind.capitalized)),
                                    .td(.text("\(row.spread.total)")), .td(.text("\(row.ofConcern)")), .td(PlanComponents.spread(row.spread)))
                            })
                    ))
            ))
    }
}

public enum BoardPage {
    public static func render(name: String, kind: String, actions: [ActionRecord], today: ISODay, context: PageContext) -> String {
        let concern = actions.filter(\.isOfConcern)
        return Layout.render(
            context,
            main: .group(
                .p(.class("breadcrumbs"), .a(.href(SiteURL.plan(.boards).path), .text("Boards"))),
                .h1(.text(name)),
                .p(.class("meta"), .text(kind.capitalized)),
                PlanComponents.spread(RAGSpread(actions)),
                .h2(.text("At risk")),
                PlanComponents.actionsTable(concern, caption: "Actions at risk, off track, red or amber", showPlan: true, today: today),
                .h2(.text("Everything this board monitors")),
                PlanComponents.actionsTable(actions, caption: "Actions monitored by \(name)", showPlan: true, today: today)
            ))
    }
}
