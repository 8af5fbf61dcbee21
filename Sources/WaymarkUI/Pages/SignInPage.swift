import Plot

public enum SignInPage {
    public struct Model: Sendable {
        public var username: String
        /// One message for a failed sign-in; it never says whether the username exists.
        public var problem: String?
        public init(username: String = "", problem: String? = nil) {
            self.username = username
            self.problem = problem
        }
    }

    public static func render(_ model: Model, context: PageContext) -> String {
        var errors = FormErrors()
        if let problem = model.problem { errors.add("username", problem) }
        return Layout.render(
            context,
            main: .group(
                .h1(.text("Sign in to Waymark")),
                .p(
                    .class("lead"),
                    .text(
                        "Waymark holds the partnership's plan, its measures and children's records. Sign in with the username your administrator gave you."
                    )),
                Form.errorSummary(errors),
                Form.post(
                    to: .signIn(), csrfToken: context.csrfToken,
                    Form.textField("username", label: "Username", value: model.username, errors: errors, autocomplete: "username"),
                    Form.textField(
                        "password", label: "Password", value: nil, errors: FormErrors(), type: .password, autocomplete: "current-password"),
                    .div(.class("actions"), Form.submit("Sign in"))
                ),
                .p(.class("muted"), .text("Forgotten your password or locked out? Ask a Waymark administrator to reset it."))
            ))
    }
}
