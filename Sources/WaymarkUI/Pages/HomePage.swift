import Plot
import WaymarkDomain

/// The first page after signing in: the areas this person may use, each with what it is for.
public enum HomePage {
    public static func render(viewer: Viewer, context: PageContext) -> String {
        let areas = Area.visible(to: viewer.role)
        return Layout.render(
            context,
            main: .group(
                .h1(.text("Welcome, \(viewer.displayName)")),
                .p(
                    .class("lead"),
                    .text("You are signed in as a \(viewer.role.displayName.lowercased()). These are the parts of Waymark you can use.")),
                .ul(
                    .class("cards"),
                    .forEach(areas) { area in
                        .li(
                            .class("card"),
                            .h2(.a(.href(area.url(for: viewer.role).path), .text(area.title))),
                            .p(.text(area.summary)))
                    })
            ))
    }
}
