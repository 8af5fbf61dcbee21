import WaymarkRouting
import WaymarkUI

/// Shown once to the administrator after adding a user or resetting a password. Waymark keeps only a hash,
/// so this is the only time anyone sees the password.
public enum OneTimePasswordPage {
    public struct Model: Sendable {
        public var displayName: String
        public var username: String
        public var password: String
        public var isNewUser: Bool
        public init(displayName: String, username: String, password: String, isNewUser: Bool) {
            self.displayName = displayName
            self.username = username
            self.password = password
            self.isNewUser = isNewUser
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text(model.isNewUser ? "\(model.displayName) has been added" : "Password reset for \(model.displayName)")),
                AdminMenu.render(current: .admin(.users)),
                .div(
                    .class("notice notice--success"),
                    .p(.text("Username: "), .strong(.text(model.username))),
                    .p(.text("One-time password: "), .strong(.element(named: "code", text: model.password)))),
                .p(
                    .text(
                        "Give this password to \(model.displayName) in person or by phone, not by email. They must choose their own password when they first sign in. It is shown only this once."
                    )),
                .p(.a(.href(SiteURL.admin(.users).path), .text("Back to users")))
            ))
    }
}
