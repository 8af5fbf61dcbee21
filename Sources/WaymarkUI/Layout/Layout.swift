import Plot
import WaymarkDomain
import WaymarkRouting

/// The one page layout: skip link, masthead with the signed-in person and sign-out, navigation by area
/// (only the areas this person may use), the main landmark and a footer.
public enum Layout {
    /// A document printed to PDF by the headless browser loads nothing at all beyond itself: no file, no address,
    /// no script; only its own inline styles and pictures written into it.
    public static let printContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    package static var printPolicy: Node<HTML.HeadContext> {
        .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"), .attribute(named: "content", value: printContentSecurityPolicy))
    }

    public static let serviceName = "Waymark"

    public static func render(_ context: PageContext, main: Node<HTML.BodyContext>) -> String {
        let html = HTML(
            .attribute(named: "lang", value: "en-GB"),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .element(named: "title", text: "\(context.title) – \(serviceName)"),
                .stylesheet(SiteURL.stylesheet.path)
            ),
            .body(
                .a(.class("skip-link"), .href("#main-content"), .text("Skip to main content")),
                masthead(context),
                navigation(context),
                .div(
                    .class("page"),
                    .main(
                        .id("main-content"),
                        .attribute(named: "tabindex", value: "-1"),
                        .unwrap(context.notice) { notice in
                            .div(.class("notice notice--success"), .attribute(named: "role", value: "status"), .p(.text(notice)))
                        },
                        main
                    )
                ),
                .footer(
                    .class("site-footer"),
                    .div(
                        .class("site-footer__inner"),
                        .p(.text("Waymark holds children's personal data. Use it only for your work, and sign out when you leave your desk.")))
                )
            )
        )
        return html.render()
    }

    private static func masthead(_ context: PageContext) -> Node<HTML.BodyContext> {
        .header(
            .class("masthead"),
            .div(
                .class("masthead__inner"),
                .a(.class("brand"), .href(SiteURL.home.path), .text(serviceName)),
                .unwrap(context.viewer) { viewer in
                    .div(
                        .class("account"),
                        .span(.text("Signed in as \(viewer.displayName) (\(viewer.role.displayName))")),
                        .a(.href(SiteURL.changePassword.path), .text("Change password")),
                        Form.post(
                            to: .signOut, csrfToken: context.csrfToken, class: "inline-form",
                            .button(.class("link-button"), .type(.submit), .text("Sign out")))
                    )
                }
            )
        )
    }

    private static func navigation(_ context: PageContext) -> Node<HTML.BodyContext> {
        guard let viewer = context.viewer else { return .empty }
        let areas = Area.visible(to: viewer.role)
        return .nav(
            .class("site-nav"),
            .attribute(named: "aria-label", value: "Main"),
            .div(
                .class("site-nav__inner"),
                .ul(
                    .forEach(areas) { area in
                        .li(
                            .a(
                                .href(area.url(for: viewer.role).path),
                                .if(area == context.currentArea, .attribute(named: "aria-current", value: "page")),
                                .text(area.title)
                            ))
                    })
            )
        )
    }
}
