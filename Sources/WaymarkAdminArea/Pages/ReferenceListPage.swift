import WaymarkRouting
import WaymarkUI

/// Organisations, service areas and teams: a table of what exists and a form to add one more.
public enum ReferenceListPage {
    public struct Model: Sendable {
        public var url: SiteURL
        public var title: String
        public var introduction: String
        public var headers: [String]
        public var rows: [[String]]
        public var addTitle: String
        public var name: String
        /// The second field: an organisation's kind or a team's service area; nil for service areas.
        public var parent: (label: String, name: String, choices: [Form.Choice], selected: String)?
        public var errors: FormErrors
        public init(
            url: SiteURL, title: String, introduction: String, headers: [String], rows: [[String]], addTitle: String,
            name: String = "", parent: (label: String, name: String, choices: [Form.Choice], selected: String)? = nil,
            errors: FormErrors = FormErrors()
        ) {
            self.url = url
            self.title = title
            self.introduction = introduction
            self.headers = headers
            self.rows = rows
            self.addTitle = addTitle
            self.name = name
            self.parent = parent
            self.errors = errors
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text(model.title)),
                AdminMenu.render(current: model.url),
                .p(.class("lead"), .text(model.introduction)),
                .div(
                    .class("table-wrap"),
                    .table(
                        .caption(.text("\(model.rows.count) \(model.title.lowercased())")),
                        .thead(.tr(.forEach(model.headers) { .th(.text($0)) })),
                        .tbody(.forEach(model.rows) { row in .tr(.forEach(row) { .td(.text($0)) }) })
                    )),
                .h2(.id("add"), .text(model.addTitle)),
                Form.errorSummary(model.errors),
                Form.post(
                    to: model.url, csrfToken: context.csrfToken,
                    Form.textField("name", label: "Name", value: model.name, errors: model.errors, autocomplete: "off"),
                    .unwrap(model.parent) { parent in
                        Form.select(
                            parent.name, label: parent.label, choices: parent.choices, selected: parent.selected,
                            errors: model.errors, includeBlank: "Choose one")
                    },
                    .div(.class("actions"), Form.submit("Add"))
                )
            ))
    }
}
