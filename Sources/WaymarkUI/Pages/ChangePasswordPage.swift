import Plot
import WaymarkDomain

public enum ChangePasswordPage {
    public struct Model: Sendable {
        /// True straight after signing in with a one-time password: the person must choose their own first.
        public var isRequired: Bool
        public var errors: FormErrors
        public init(isRequired: Bool, errors: FormErrors = FormErrors()) {
            self.isRequired = isRequired
            self.errors = errors
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text(model.isRequired ? "Choose your own password" : "Change your password")),
                .if(
                    model.isRequired,
                    .p(.class("lead"), .text("You signed in with a one-time password. Choose a password only you know before you go on."))),
                Form.errorSummary(model.errors),
                Form.post(
                    to: .changePassword, csrfToken: context.csrfToken,
                    Form.textField(
                        "currentPassword", label: "Current password", value: nil, errors: model.errors,
                        type: .password, autocomplete: "current-password"),
                    Form.textField(
                        "newPassword", label: "New password", value: nil, errors: model.errors, type: .password,
                        hint: "At least \(PasswordPolicy.minimumLength) characters. Three or four random words together make a strong password.",
                        autocomplete: "new-password"),
                    Form.textField(
                        "confirmPassword", label: "New password again", value: nil, errors: model.errors,
                        type: .password, autocomplete: "new-password"),
                    .div(.class("actions"), Form.submit("Save password"))
                )
            ))
    }
}
