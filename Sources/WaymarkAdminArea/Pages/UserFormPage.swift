import WaymarkDomain
import WaymarkRouting
import WaymarkUI

/// Add a user, or edit one: role and where they sit (organisation for partners, team and service area for staff).
public enum UserFormPage {
    public struct Values: Sendable {
        public var username: String
        public var displayName: String
        public var role: String
        public var organisationID: String
        public var teamID: String
        public var serviceAreaID: String
        public var staffID: String
        /// yyyy-mm-dd, or as typed; "" for an account that does not end.
        public var lastDay: String
        public init(
            username: String = "", displayName: String = "", role: String = "", organisationID: String = "",
            teamID: String = "", serviceAreaID: String = "", staffID: String = "", lastDay: String = ""
        ) {
            self.lastDay = lastDay
            self.username = username
            self.displayName = displayName
            self.role = role
            self.organisationID = organisationID
            self.teamID = teamID
            self.serviceAreaID = serviceAreaID
            self.staffID = staffID
        }
    }

    public struct Model: Sendable {
        /// nil when adding a user.
        public var userID: String?
        public var isDisabled: Bool
        public var values: Values
        public var errors: FormErrors
        public var organisations: [Form.Choice]
        public var teams: [Form.Choice]
        public var serviceAreas: [Form.Choice]
        public init(
            userID: String?, isDisabled: Bool = false, values: Values, errors: FormErrors = FormErrors(),
            organisations: [Form.Choice], teams: [Form.Choice], serviceAreas: [Form.Choice]
        ) {
            self.userID = userID
            self.isDisabled = isDisabled
            self.values = values
            self.errors = errors
            self.organisations = organisations
            self.teams = teams
            self.serviceAreas = serviceAreas
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        let target: SiteURL = model.userID.map { .admin(.user(id: $0)) } ?? .admin(.newUser)
        let v = model.values
        return Layout.render(
            context,
            main: .group(
                .h1(.text(model.userID == nil ? "Add a user" : "Edit \(v.displayName)")),
                AdminMenu.render(current: .admin(.users)),
                Form.errorSummary(model.errors),
                Form.post(
                    to: target, csrfToken: context.csrfToken,
                    Form.textField(
                        "username", label: "Username", value: v.username, errors: model.errors,
                        hint: "Letters, numbers, dots and hyphens. People sign in with this.", autocomplete: "off"),
                    Form.textField("displayName", label: "Full name", value: v.displayName, errors: model.errors, autocomplete: "off"),
                    Form.select(
                        "role", label: "Role", choices: Role.allCases.map { Form.Choice(value: $0.rawValue, label: $0.displayName) },
                        selected: v.role, errors: model.errors, includeBlank: "Choose a role"),
                    Form.select(
                        "organisationID", label: "Organisation", choices: model.organisations, selected: v.organisationID,
                        errors: model.errors, hint: "Required for partner agency users: they see only their organisation's work.",
                        includeBlank: "None"),
                    Form.select(
                        "serviceAreaID", label: "Service area", choices: model.serviceAreas, selected: v.serviceAreaID,
                        errors: model.errors, includeBlank: "None"),
                    Form.select("teamID", label: "Team", choices: model.teams, selected: v.teamID, errors: model.errors, includeBlank: "None"),
                    Form.textField(
                        "staffID", label: "Staff identifier in the case system (optional)", value: v.staffID, errors: model.errors,
                        hint: "As the case system's extract writes it. The children it allocates to this person are theirs in Waymark; "
                            + "without it they are found by the full name above, which a change of name loses.",
                        autocomplete: "off"),
                    Form.dateInput(
                        "lastDay", legend: "Last day the account works (optional)", value: v.lastDay, errors: model.errors,
                        hint: "Required for an external moderator, at most 12 months ahead. After this day the person cannot sign in. "
                            + "For example, 31 3 2027"),
                    .div(
                        .class("actions"),
                        Form.submit(model.userID == nil ? "Add user and make a one-time password" : "Save changes"),
                        .a(.href(SiteURL.admin(.users).path), .text("Cancel")))
                ),
                .unwrap(model.userID) { id in
                    .group(
                        .h2(.text("Password and access")),
                        .p(
                            .text(
                                model.isDisabled
                                    ? "This account is disabled: its sessions have ended and it cannot sign in."
                                    : "Reset the password to make a new one-time password, for example when someone is locked out.")),
                        Form.post(
                            to: .admin(.disableUser(id: id)), csrfToken: context.csrfToken,
                            .input(.type(.hidden), .name("action"), .value(model.isDisabled ? "enable" : "disable")),
                            .div(
                                .class("actions"),
                                Form.submit(
                                    model.isDisabled ? "Enable this account" : "Disable this account",
                                    style: model.isDisabled ? "button button--secondary" : "button button--warning"))),
                        .if(
                            !model.isDisabled,
                            Form.post(
                                to: .admin(.disableUser(id: id)), csrfToken: context.csrfToken,
                                .input(.type(.hidden), .name("action"), .value("reset-password")),
                                .div(.class("actions"), Form.submit("Reset password", style: "button button--secondary"))))
                    )
                }
            ))
    }
}
