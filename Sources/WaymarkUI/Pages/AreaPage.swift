import Plot
import WaymarkDomain

/// The landing page of an area whose own pages have not been built yet: it says so plainly rather than
/// showing an empty screen.
public enum AreaPage {
    public static func render(area: Area, context: PageContext) -> String {
        Layout.render(
            context,
            main: .group(
                .h1(.text(area.title)),
                .p(.class("lead"), .text(area.summary)),
                .div(
                    .class("notice"),
                    .p(.text("This area has no records yet. Its pages are being built; until then, nothing here holds or shows personal data.")))
            ))
    }
}
