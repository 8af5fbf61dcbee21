import Plot
import WaymarkDomain

/// The first page after signing in: what needs this person today, area by area, then the parts of Waymark they
/// may use.
public enum HomePage {
    public static func render(viewer: Viewer, sections: [HomeSection], context: PageContext) -> String {
        let areas = Area.visible(to: viewer.role)
        return Layout.render(
            context,
            main: .group(
                .h1(.text("Welcome, \(viewer.displayName)")),
                .p(.class("lead"), .text("You are signed in as a \(viewer.role.displayName.lowercased()).")),
                .h2(.text("What needs you today")),
                sections.isEmpty
                    ? .p(.text("Nothing needs you today: no clock, action or measure of yours is overdue or due."))
                    : .forEach(sections) { section in
                        .section(
                            .class("today"),
                            .h3(.text(section.title)),
                            .p(.text(section.summary)),
                            .if(
                                !section.items.isEmpty,
                                .ul(
                                    .class("today-list"),
                                    .forEach(section.items) { item in
                                        .li(
                                            .a(.href(item.href), .text(item.text)), .text(" "),
                                            .span(.class(item.urgent ? "tag tag--red" : "tag tag--status"), .text(item.status)))
                                    })),
                            .unwrap(section.more) { more in .p(.a(.href(more.href), .text(more.text))) })
                    },
                .h2(.text("Parts of Waymark you can use")),
                .ul(
                    .class("cards"),
                    .forEach(areas) { area in
                        .li(
                            .class("card"),
                            .h3(.a(.href(area.url(for: viewer.role).path), .text(area.title))),
                            .p(.text(area.summary)))
                    })
            ))
    }
}
