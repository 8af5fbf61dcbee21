import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// The API tokens issued to partner organisations' systems: who holds each, what it may send, when it was last
/// used; issuing a new one (shown once) and revoking one.
public enum APITokensPage {
    public struct Token: Sendable {
        public var id: String, name: String, organisation: String, indicators: [String]
        public var issued: String, lastUsed: String?, revoked: String?
        public init(id: String, name: String, organisation: String, indicators: [String], issued: String, lastUsed: String?, revoked: String?) {
            self.id = id
            self.name = name
            self.organisation = organisation
            self.indicators = indicators
            self.issued = issued
            self.lastUsed = lastUsed
            self.revoked = revoked
        }
    }

    public struct IssueForm: Sendable {
        public var name = "", organisationID = ""
        public var indicatorCodes: Set<String> = []
        public var errors = FormErrors()
        public init() {}
        public init(name: String, organisationID: String, indicatorCodes: Set<String>, errors: FormErrors) {
            self.name = name
            self.organisationID = organisationID
            self.indicatorCodes = indicatorCodes
            self.errors = errors
        }
    }

    public struct Model: Sendable {
        public var tokens: [Token]
        public var organisations: [Form.Choice]
        public var indicators: [(code: String, name: String)]
        public var form: IssueForm
        /// The token just issued, shown this once.
        public var issued: (name: String, token: String, exampleCode: String)?
        public init(
            tokens: [Token], organisations: [Form.Choice], indicators: [(code: String, name: String)], form: IssueForm,
            issued: (name: String, token: String, exampleCode: String)?
        ) {
            self.tokens = tokens
            self.organisations = organisations
            self.indicators = indicators
            self.form = form
            self.issued = issued
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                AdminMenu.render(current: .admin(.apiTokens)),
                .h1(.text("API tokens for partner systems")),
                .p(
                    .class("lead"),
                    .text(
                        "A partner organisation's system sends indicator values with a token. Each token belongs to one organisation and may send values only for the indicators chosen when it was issued. Everything it sends is in the audit trail under its name."
                    )),
                .unwrap(model.issued) { issued in
                    .div(
                        .class("notice"), .attribute(named: "role", value: "status"),
                        .h2(.text("Token issued for \(issued.name)")),
                        .p(
                            .text(
                                "Copy it now and give it to the organisation securely: it is shown only this once. Waymark keeps only a fingerprint of it."
                            )),
                        .p(.code(.id("issued-token"), .text(issued.token))),
                        .p(.text("The system sends values like this:")),
                        .pre(
                            .code(
                                .text(
                                    "POST \(SiteURL.api(.indicatorValues(code: issued.exampleCode)).path)\nAuthorization: Bearer \(issued.token)\nContent-Type: application/json\n\n{\"values\": [{\"area\": \"…\", \"period\": \"…\", \"value\": 12.5}]}"
                                ))))
                },
                .h2(.text("Tokens")),
                .if(model.tokens.isEmpty, .p(.text("No token has been issued yet."))),
                .if(
                    !model.tokens.isEmpty,
                    .div(
                        .class("table-wrap"),
                        .table(
                            .caption(.class("visually-hidden"), .text("API tokens")),
                            .thead(
                                .tr(
                                    .th(.text("System")), .th(.text("Organisation")), .th(.text("May send values for")), .th(.text("Issued")),
                                    .th(.text("Last used")), .th(.text("Status")))),
                            .tbody(
                                .forEach(model.tokens) { token in
                                    .tr(
                                        .td(.text(token.name)), .td(.text(token.organisation)), .td(.text(token.indicators.joined(separator: ", "))),
                                        .td(.text(token.issued)), .td(.text(token.lastUsed ?? "Never")),
                                        .td(
                                            .unwrap(
                                                token.revoked, { .text("Revoked \($0)") },
                                                else:
                                                    Form.post(
                                                        to: .admin(.revokeAPIToken(id: token.id)), csrfToken: context.csrfToken,
                                                        .button(
                                                            .class("button button--secondary"), .type(.submit), .text("Revoke"),
                                                            .attribute(named: "aria-label", value: "Revoke the token for \(token.name)")))))
                                    )
                                })
                        ))),
                .h2(.id("issue"), .text("Issue a token")),
                Form.errorSummary(model.form.errors),
                Form.post(
                    to: .admin(.apiTokens), csrfToken: context.csrfToken,
                    Form.textField(
                        "name", label: "System", value: model.form.name, errors: model.form.errors,
                        hint: "What the system is, for example \"Youth Service case system\"."),
                    Form.select(
                        "organisationID", label: "Organisation", choices: model.organisations, selected: model.form.organisationID,
                        errors: model.form.errors, includeBlank: "Choose an organisation"),
                    .element(
                        named: "fieldset",
                        nodes: [
                            .id("indicators"),
                            .element(named: "legend", nodes: [.text("Indicators it may send values for")]),
                            .unwrap(model.form.errors["indicators"]) { .span(.class("field-error"), .text("Error: \($0)")) },
                            .forEach(model.indicators) { indicator in
                                .div(
                                    .class("checkbox"),
                                    .selfClosedElement(
                                        named: "input",
                                        attributes: [
                                            .attribute(named: "type", value: "checkbox"), .attribute(named: "name", value: "indicators[]"),
                                            .attribute(named: "id", value: "indicator-\(indicator.code)"),
                                            .attribute(named: "value", value: indicator.code),
                                        ]
                                            + (model.form.indicatorCodes.contains(indicator.code)
                                                ? [.attribute(named: "checked", value: "checked")] : [])),
                                    .label(.for("indicator-\(indicator.code)"), .text(indicator.name)))
                            },
                        ]),
                    .div(.class("actions"), Form.submit("Issue token"))
                )
            ))
    }
}
